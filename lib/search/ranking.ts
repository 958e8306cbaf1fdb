// When search ranks its matches, the same on both databases.

// Above this many matches a search is ordered newest first: a word in thousands of stories says
// little about which is most relevant, and ranking them all would cost far more than the page.
export const RANKED_MATCH_LIMIT = 1000;
