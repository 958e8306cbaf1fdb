// No records: for rendering a body that refers to none (a wire item's text, before it is a story).
import type { BodyRecords } from "./body-records";
import { emptySportsRecords } from "../sports/blocks/views";

export const EMPTY_BODY_RECORDS: BodyRecords = {
  media: new Map(),
  captions: new Map(),
  quotes: new Map(),
  sidebars: new Map(),
  articles: new Map(),
  embeds: new Map(),
  sports: emptySportsRecords(),
  newsletters: { byId: new Map(), main: null, sourceArticleId: null },
};
