type Section = { name: string; slug: string; description: string; position: number };

// The fields of a section (inside an ActionForm). An empty address is made from the name.
export function SectionFields({ section }: { section?: Section }) {
  return (
    <>
      <div className="form-row">
        <label>
          Name
          <input name="name" defaultValue={section?.name} required maxLength={60} />
        </label>
        <label>
          Address <span className="hint">/{section ? section.slug : "…"}; the old one redirects</span>
          <input name="slug" defaultValue={section?.slug} maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
        </label>
        <label>
          Order <span className="hint">in the navigation</span>
          <input name="position" type="number" min={0} max={10000} defaultValue={section?.position} />
        </label>
      </div>
      <label>
        Description
        <input name="description" defaultValue={section?.description} maxLength={300} />
      </label>
    </>
  );
}
