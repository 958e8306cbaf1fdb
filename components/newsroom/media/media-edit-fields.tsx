// The editable details of a picture, inside the detail screen's form.
import type { CreditOptions } from "@/lib/media/library/library-queries";
import type { MediaDetail } from "@/lib/media/media-detail";
import { CreditPickers } from "./credit-pickers";

type Props = { detail: MediaDetail; options: CreditOptions; timeZone: string };

export function MediaEditFields({ detail, options, timeZone }: Props) {
  const { fields } = detail;
  return (
    <>
      <input type="hidden" name="id" value={detail.item.id} />
      <input type="hidden" name="version" value={detail.version} />
      <label>
        Alt text <span className="hint">What the picture shows, for readers who cannot see it. Required to publish.</span>
        <textarea name="altText" defaultValue={fields.altText} maxLength={1000} rows={3} />
      </label>
      <label>
        Default caption <span className="hint">Used when a story gives no caption of its own.</span>
        <textarea name="defaultCaption" defaultValue={fields.defaultCaption} maxLength={2000} rows={3} />
      </label>
      <CreditPickers options={options} photographerId={fields.photographerId} agencyId={fields.agencyId} />
      <label>
        Credit override <span className="hint">Only when the agency&apos;s usual credit is wrong for this picture; replaces the full credit.</span>
        <input name="creditOverride" defaultValue={fields.creditOverride} maxLength={300} />
      </label>
      <div className="form-row">
        <label>
          Copyright
          <input name="copyright" defaultValue={fields.copyright} maxLength={300} />
        </label>
        <label>
          Source reference <span className="hint">Agency job or picture number.</span>
          <input name="sourceReference" defaultValue={fields.sourceReference} maxLength={300} />
        </label>
      </div>
      <label>
        Usage terms
        <textarea name="usageTerms" defaultValue={fields.usageTerms} maxLength={2000} rows={2} />
      </label>
      <label>
        Rights expire on <span className="hint">From the start of this day ({timeZone}) published stories show a placeholder instead. Empty: no end.</span>
        <input type="date" name="rightsExpireAt" defaultValue={fields.rightsExpireOn} />
      </label>
    </>
  );
}
