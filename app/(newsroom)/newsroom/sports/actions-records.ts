"use server";
// Server actions of the sports record screens (teams, athletes, competitions and seasons,
// standings, medal tables): thin wrappers over lib/sports/desk/.
import type { FormState } from "@/components/newsroom/action-form";
import { createAthlete, deleteAthlete, updateAthlete } from "@/lib/sports/desk/athletes";
import { addSeason, createCompetition, renameSeason, updateCompetition } from "@/lib/sports/desk/competitions";
import { createMedalTable, updateMedalTable } from "@/lib/sports/desk/medals";
import { createStandings, rankStandingsTable, updateStandings } from "@/lib/sports/desk/standings";
import { createTeam, deleteTeam, updateTeam } from "@/lib/sports/desk/teams";
import { runFormCommand } from "@/lib/server-action";

const BASE = "/newsroom/sports";

// A create answers with the new record's screen, which the form then opens.
async function withHref<T extends { id: string }>(result: Promise<Awaited<ReturnType<typeof runFormCommand<T>>>>, path: string) {
  const settled = await result;
  return settled.ok ? { ...settled, data: { ...settled.data, href: `${BASE}/${path}/${settled.data.id}` } } : settled;
}

export async function createTeamAction(_state: FormState, form: FormData) {
  return withHref(runFormCommand(createTeam, form), "teams");
}

export async function updateTeamAction(_state: FormState, form: FormData) {
  return runFormCommand(updateTeam, form);
}

export async function deleteTeamAction(_state: FormState, form: FormData) {
  return runFormCommand(deleteTeam, form);
}

export async function createAthleteAction(_state: FormState, form: FormData) {
  return withHref(runFormCommand(createAthlete, form), "athletes");
}

export async function updateAthleteAction(_state: FormState, form: FormData) {
  return runFormCommand(updateAthlete, form);
}

export async function deleteAthleteAction(_state: FormState, form: FormData) {
  return runFormCommand(deleteAthlete, form);
}

export async function createCompetitionAction(_state: FormState, form: FormData) {
  return withHref(runFormCommand(createCompetition, form), "competitions");
}

export async function updateCompetitionAction(_state: FormState, form: FormData) {
  return runFormCommand(updateCompetition, form);
}

export async function addSeasonAction(_state: FormState, form: FormData) {
  return runFormCommand(addSeason, form);
}

export async function renameSeasonAction(_state: FormState, form: FormData) {
  return runFormCommand(renameSeason, form);
}

export async function createStandingsAction(_state: FormState, form: FormData) {
  return withHref(runFormCommand(createStandings, form), "standings");
}

export async function updateStandingsAction(_state: FormState, form: FormData) {
  return runFormCommand(updateStandings, form);
}

export async function rankStandingsAction(_state: FormState, form: FormData) {
  return runFormCommand(rankStandingsTable, form);
}

export async function createMedalTableAction(_state: FormState, form: FormData) {
  return withHref(runFormCommand(createMedalTable, form), "medal-tables");
}

export async function updateMedalTableAction(_state: FormState, form: FormData) {
  return runFormCommand(updateMedalTable, form);
}
