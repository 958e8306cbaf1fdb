"use server";
// Server actions of the live desk (/newsroom/stories/<id>/live): thin wrappers
// (lib/server-action.ts). lib/live checks permission and validates; errors come back as results
// the desk shows (a stale edit is a 409 naming who changed the entry).
import { idArgument as id, runCommand } from "@/lib/server-action";
import { deleteEntry, editEntry, makeLiveCoverage, postEntry, setKeyEvent, setPinned, updateCoverage } from "@/lib/live/commands";
import { postScoreUpdate } from "@/lib/live/score";
import { readLiveDesk } from "@/lib/live/desk-queries";
import { promoteEntry } from "@/lib/live/promote";

// The desk's poll: the coverage and every entry (tombstones flagged), every few seconds.
export async function readLiveDeskAction(articleId: string) {
  return runCommand(readLiveDesk, id(articleId));
}

export async function makeLiveCoverageAction(input: unknown) {
  return runCommand(makeLiveCoverage, input);
}

export async function updateCoverageAction(input: unknown) {
  return runCommand(updateCoverage, input);
}

export async function postEntryAction(input: unknown) {
  return runCommand(postEntry, input);
}

export async function editEntryAction(input: unknown) {
  return runCommand(editEntry, input);
}

export async function deleteEntryAction(input: unknown) {
  return runCommand(deleteEntry, input);
}

export async function setPinnedAction(input: unknown) {
  return runCommand(setPinned, input);
}

export async function setKeyEventAction(input: unknown) {
  return runCommand(setKeyEvent, input);
}

// "Make this a story": a new draft from the entry (the desk links to it).
export async function promoteEntryAction(input: unknown) {
  return runCommand(promoteEntry, input);
}

export async function postScoreAction(input: unknown) {
  return runCommand(postScoreUpdate, input);
}
