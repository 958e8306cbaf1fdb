import { WEEKDAYS, WEEKDAY_NAMES } from "@/lib/newsletters/weekdays";

type Newsletter = { name: string; description: string; senderName: string; senderAddress: string; consentText: string; scheduleDays: string; scheduleTime: string };

const NEW: Newsletter = { name: "", description: "", senderName: "", senderAddress: "", consentText: "", scheduleDays: WEEKDAYS.join(","), scheduleTime: "06:30" };

// A newsletter's settings (inside an ActionForm). Each schedule day is its own checkbox,
// "scheduleDays.mon" and so on; lib/newsletters/schema.ts folds them into one value.
export function NewsletterFields({ newsletter = NEW }: { newsletter?: Newsletter }) {
  const days = newsletter.scheduleDays.split(",");
  return (
    <>
      <label>
        Name
        <input name="name" defaultValue={newsletter.name} required maxLength={80} />
      </label>
      <label>
        Description <span className="hint">on the sign-up form and the archive page</span>
        <textarea name="description" defaultValue={newsletter.description} maxLength={500} rows={2} />
      </label>
      <div className="form-row">
        <label>
          Sender name <span className="hint">what inboxes show as From</span>
          <input name="senderName" defaultValue={newsletter.senderName} required maxLength={80} />
        </label>
        <label>
          Sender address
          <input name="senderAddress" type="email" defaultValue={newsletter.senderAddress} required maxLength={254} />
        </label>
      </div>
      <label>
        Consent text <span className="hint">what a reader agrees to when signing up; stored with each sign-up</span>
        <textarea name="consentText" defaultValue={newsletter.consentText} required maxLength={1000} rows={3} />
      </label>
      {/* Named so a refusal of the days ("needs at least one day") marks the whole group. */}
      <fieldset name="scheduleDays">
        <legend>Sent on</legend>
        {WEEKDAYS.map((day) => (
          <label key={day} className="checkbox-field">
            <input type="checkbox" name={`scheduleDays.${day}`} defaultChecked={days.includes(day)} /> {WEEKDAY_NAMES[day]}
          </label>
        ))}
      </fieldset>
      <label>
        At <span className="hint">24-hour clock, the newsroom&apos;s time zone</span>
        <input name="scheduleTime" type="time" defaultValue={newsletter.scheduleTime} required pattern="[0-2][0-9]:[0-5][0-9]" />
      </label>
    </>
  );
}
