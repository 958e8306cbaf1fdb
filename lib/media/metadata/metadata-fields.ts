// The credit-related fields a picture file can carry, whichever block (IPTC, XMP, EXIF) they come from.
export type MetadataFields = {
  byline?: string;
  credit?: string;
  source?: string;
  copyright?: string;
  caption?: string;
  // Special instructions / usage terms, e.g. "Editorial use only".
  instructions?: string;
  // The agency's job or transmission reference.
  reference?: string;
};
