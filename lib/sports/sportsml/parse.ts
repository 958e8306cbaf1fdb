// IPTC SportsML 3 → Pressbox's events and standings, from the XML (alone or inside a NewsML-G2
// item) or the SportsJS JSON form. A document is read whole or refused whole: any error throws
// AppError("INVALID") naming the element or JSON path, and nothing partial is returned.
import { isAppError } from "../../errors";
import { jsonTextDepth } from "../../input-depth";
import { childNamed, childrenNamed, elementsOf, parseXml, textOf, type MarkupElement } from "../../wire/xml";
import { readEvent, readTournament, withCodes } from "./events";
import { firstChild, isJsonObject, JsonNode, XmlNode, type SourceNode } from "./source";
import { readStanding } from "./standings";
import type { Competition, SportsMlDocument } from "./types";
import { sportsMlRefusal } from "./values";

export const MAX_SPORTSML_BYTES = 5 * 1024 * 1024;
// SportsJS nests about twenty levels deep (actions in events in tournaments); far more is hostile.
const MAX_JSON_DEPTH = 64;

const NO_COMPETITION: Competition = { sport: null, competition: null, season: null };

// Events stand alone or in a schedule (fixtures lists); sports-metadata's codes apply to all.
function readContent(content: SourceNode, wrapper: Competition): SportsMlDocument {
  const skipped: string[] = [];
  const context = withCodes(firstChild(content, "sports-metadata"), wrapper);
  const eventNodes = [...content.children("sports-event"), ...content.children("schedule").flatMap((schedule) => schedule.children("sports-event"))];
  const events = eventNodes.map((event) => readEvent(event, { ...context, stage: null }, skipped));
  events.push(...content.children("tournament").flatMap((tournament) => readTournament(tournament, context, skipped)));
  const standings = content.children("standing").map((standing) => readStanding(standing, context));
  for (const tag of ["statistic", "article", "affiliation"]) {
    for (const node of content.children(tag)) skipped.push(`${node.path}: ${tag} is not imported`);
  }
  return { events, standings, skipped };
}

function merge(documents: SportsMlDocument[]): SportsMlDocument {
  return { events: documents.flatMap((doc) => doc.events), standings: documents.flatMap((doc) => doc.standings), skipped: documents.flatMap((doc) => doc.skipped) };
}

// Every sports-content in the document, whether it is the root or sits in a NewsML-G2 inlineXML.
function findSportsContent(nodes: MarkupElement[], path: string): { element: MarkupElement; path: string }[] {
  return nodes.flatMap((element) => {
    const here = `${path}${path ? "/" : ""}${element.tag}`;
    return element.tag === "sports-content" ? [{ element, path: here }] : findSportsContent(elementsOf(element.children), here);
  });
}

// A NewsML-G2 wrapper names the sport, league and season in its subjects (IPTC media topics
// 15xxxxxx for sports, spct:league and spct:season for the rest).
function wrapperCompetition(root: MarkupElement | undefined): Competition {
  const subjects = childrenNamed(childNamed(root, "contentMeta"), "subject");
  const nameOf = (subject: MarkupElement | undefined) => textOf(childNamed(subject, "name")) || null;
  const isSport = (subject: MarkupElement) => /^(subj|medtop):15\d{6}$/.test(subject.attrs.qcode ?? "") && subject.attrs.qcode !== "subj:15000000" && !subject.attrs.type;
  return {
    sport: nameOf(subjects.find(isSport)),
    competition: nameOf(subjects.find((subject) => subject.attrs.type === "spct:league")),
    season: subjects.find((subject) => subject.attrs.type === "spct:season")?.attrs.literal?.trim() || null,
  };
}

function parseXmlDocument(text: string): SportsMlDocument {
  let roots: MarkupElement[];
  try {
    roots = elementsOf(parseXml(text, "the document", { isStrict: true }));
  } catch (error) {
    // The shared wire reader words its refusals for wire items; the reason is the same here.
    if (isAppError(error) && isJsonObject(error.details) && typeof error.details.reason === "string") throw sportsMlRefusal("the document", error.details.reason);
    throw error;
  }
  const contents = findSportsContent(roots, "");
  if (contents.length === 0) throw sportsMlRefusal("the document", "has no sports-content element; it is not SportsML");
  const context = wrapperCompetition(roots[0]?.tag === "newsItem" ? roots[0] : undefined);
  return merge(contents.map(({ element, path }) => readContent(new XmlNode(element, path), context)));
}

function parseJsonDocument(text: string): SportsMlDocument {
  if (jsonTextDepth(text) > MAX_JSON_DEPTH) throw sportsMlRefusal("the document", `nests more than ${MAX_JSON_DEPTH} levels deep`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw sportsMlRefusal("the document", `is not valid JSON (${(error as Error).message})`);
  }
  const content = isJsonObject(value) && isJsonObject(value.sportsContent) ? value.sportsContent : value;
  if (!isJsonObject(content)) throw sportsMlRefusal("the document", "is not a SportsJS object");
  const known = ["sportsEvents", "standings", "tournaments", "schedules"].some((key) => Array.isArray(content[key]));
  if (!known) throw sportsMlRefusal("the document", "has no sportsEvents, schedules, standings or tournaments; it is not SportsJS");
  return readContent(new JsonNode(content, content === value ? "" : "sportsContent"), NO_COMPETITION);
}

export function parseSportsMl(text: string, format?: "xml" | "json"): SportsMlDocument {
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_SPORTSML_BYTES) throw sportsMlRefusal("the document", `is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_SPORTSML_BYTES / 1024 / 1024} MB`);
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  const isJson = format ? format === "json" : trimmed.startsWith("{") || trimmed.startsWith("[");
  return isJson ? parseJsonDocument(trimmed) : parseXmlDocument(trimmed);
}
