import { describe, expect, it } from "vitest";
import { parsePastedResults, pasteProblems } from "./paste-parse";

const pick = (text: string) => parsePastedResults(text).rows.map(({ rank, isTie, name, country, mark, record }) => ({ rank, isTie, name, country, mark, record }));

describe("parsePastedResults", () => {
  it("reads tab-separated rows copied from a spreadsheet, header first", () => {
    const table = parsePastedResults("Rank\tAthlete\tNOC\tTime\tNotes\n1\tJohannes Thingnes Bø\tNOR\t1:08:27.3\tOR\n2\tQuentin Fillon Maillet\tFRA\t1:09:01.0\t\n");
    expect(table.delimiter).toBe("tab");
    expect(table.hasHeader).toBe(true);
    expect(pasteProblems(table)).toEqual([]);
    expect(pick("Rank\tAthlete\tNOC\tTime\tNotes\n1\tJohannes Thingnes Bø\tNOR\t1:08:27.3\tOR\n")).toEqual([
      { rank: 1, isTie: false, name: "Johannes Thingnes Bø", country: "NOR", mark: "1:08:27.3", record: "OR" },
    ]);
  });

  it("reads quoted CSV fields with commas, doubled quotes and line breaks inside", () => {
    const rows = pick('Place,Name,Country,Result\n1,"Smith, Jane",USA,"8.95"\n2,"Jo ""JJ"" Lee",KOR,8.90\n3,"Two\nLines",CAN,8.80\n');
    expect(rows.map((row) => row.name)).toEqual(["Smith, Jane", 'Jo "JJ" Lee', "Two\nLines"]);
    expect(rows.map((row) => row.mark)).toEqual(["8.95", "8.90", "8.80"]);
  });

  it("takes shared places written =3 or 3= as ties, and DNF, DNS, DSQ without a rank", () => {
    const rows = pick("Rank,Name,Time\n=3,A,1:00\n3=,B,1:00\n,C,DNF\nDSQ,D,\n,E,dns\n");
    expect(rows).toEqual([
      { rank: 3, isTie: true, name: "A", country: null, mark: "1:00", record: null },
      { rank: 3, isTie: true, name: "B", country: null, mark: "1:00", record: null },
      { rank: null, isTie: false, name: "C", country: null, mark: "DNF", record: null },
      { rank: null, isTie: false, name: "D", country: null, mark: "DSQ", record: null },
      { rank: null, isTie: false, name: "E", country: null, mark: "DNS", record: null },
    ]);
  });

  it("names each bad row with its own problem and keeps the good ones clean", () => {
    const table = parsePastedResults("Rank,Name,Time,Record\n1,Good,1:00,WR\n2,,1:01,\nx,Bad rank,1:02,\n4,Bad record,1:03,world\n5,No rank needed?,,\n");
    expect(table.rows[0].errors).toEqual([]);
    expect(pasteProblems(table)).toEqual(["row 3: the name is missing", "row 4: rank 'x' is not a whole number of 1 or more", "row 5: record 'world' is not a record code in capitals such as OR, WR, NR or PB"]);
  });

  it("refuses a row without rank or status mark, a repeated name and an unclosed quote", () => {
    const problems = pasteProblems(parsePastedResults('Rank,Name,Time\n,Nobody,\n1,Same,1:00\n2,same,1:01\n3,"Open,1:02\n'));
    expect(problems).toEqual(["row 2: has no rank and no DNF, DNS or DSQ mark", "row 4: 'same' is already on row 3", 'row 5: a quoted field is never closed (a " is missing)']);
  });

  it("takes rank, name, country, mark and record in that order when there is no header", () => {
    expect(pick("1;Norway;NOR;1:10:00;\n2;France;FRA;1:10:30;")).toEqual([
      { rank: 1, isTie: false, name: "Norway", country: "NOR", mark: "1:10:00", record: null },
      { rank: 2, isTie: false, name: "France", country: "FRA", mark: "1:10:30", record: null },
    ]);
  });

  it("reads points as a score and refuses points that are not whole numbers", () => {
    const table = parsePastedResults("Pos,Team,Points\n1,Canada,12\n2,Japan,ten\n");
    expect(table.rows[0]).toMatchObject({ rank: 1, score: 12, mark: "12" });
    expect(pasteProblems(table)).toEqual(["row 3: score 'ten' is not a whole number of 0 or more"]);
  });

  it("refuses an empty paste and cells beyond the header", () => {
    expect(pasteProblems(parsePastedResults("  \n\n"))).toEqual(["Nothing was pasted: paste a table with one competitor a row."]);
    expect(pasteProblems(parsePastedResults("Rank,Name\n1,A,extra\n"))).toEqual(["row 2: has more columns than the header (column 3: 'extra')"]);
  });
});
