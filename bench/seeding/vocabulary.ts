// Words the bench stories are written from: invented people, places and teams, and each
// section's own sport. Like the demo newsroom, nobody and nothing here is real.
export const FIRST_NAMES = [
  "Aiko",
  "Ben",
  "Carla",
  "Dev",
  "Elin",
  "Femi",
  "Greta",
  "Hugo",
  "Ines",
  "Jonas",
  "Kira",
  "Luca",
  "Maren",
  "Nico",
  "Oona",
  "Pavel",
  "Quinn",
  "Rosa",
  "Sami",
  "Tariq",
  "Uma",
  "Vera",
  "Wes",
  "Xenia",
  "Yusuf",
  "Zola",
  "Anders",
  "Bea",
  "Cato",
  "Dara",
  "Emre",
  "Fleur",
  "Gideon",
  "Hana",
  "Ivo",
  "Juno",
  "Kwame",
  "Lotte",
  "Milo",
  "Nadia",
] as const;

export const LAST_NAMES = [
  "Achterberg",
  "Balogun",
  "Castellano",
  "Dunmore",
  "Eriksen",
  "Falconer",
  "Gallardo",
  "Holloway",
  "Ishikawa",
  "Jovanovic",
  "Kettering",
  "Lindqvist",
  "Marchetti",
  "Nakamura",
  "Okonkwo",
  "Pellegrini",
  "Quarrie",
  "Rasmussen",
  "Sorensen",
  "Thistlewood",
  "Udeh",
  "Varga",
  "Whitcombe",
  "Yamada",
  "Zeller",
  "Abernethy",
  "Brannigan",
  "Courtenay",
  "Delacroix",
  "Engstrom",
  "Fairweather",
  "Grimaldi",
  "Haverford",
  "Iwobi",
  "Jessop",
  "Kowalczyk",
  "Lachance",
  "Montague",
  "Novak",
  "Oyelaran",
] as const;

export const PLACES = [
  "Harbour City",
  "Northgate",
  "Port Alder",
  "Eastbrook",
  "Kingsmere",
  "Westfall",
  "Ridgeway",
  "Saltmarsh",
  "Ashby Vale",
  "Greyhaven",
  "Millbrook",
  "Stonebridge",
  "Oakhurst",
  "Redcliffe",
  "Lakeside",
  "Thornbury",
  "Highfield",
  "Bramwell",
  "Coldwater",
  "Fenwick",
  "Marlow Bay",
  "Sunderby",
  "Carrick",
  "Dunmere",
  "Elmstead",
  "Foxley",
  "Glenavon",
  "Hollins",
  "Ivybridge",
  "Juniper Point",
  "Kestrel Heath",
  "Larkfield",
  "Moorcroft",
  "Newhaven",
  "Orchard Park",
  "Pinebank",
  "Queensferry",
  "Rosedale",
  "Silverton",
  "Tidewater",
] as const;

export const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export type SportWords = {
  // Team names are a place and one of these ("Harbour City Rovers"); Olympic teams are just the place.
  teamSuffixes: readonly string[];
  events: readonly string[];
  // Past tense, after a name: "Ines Varga took five wickets".
  actions: readonly string[];
  things: readonly string[];
  roles: readonly string[];
  // Tags beside teams and people: competitions, disciplines.
  topics: readonly string[];
  kickers: readonly string[];
};

export const SPORTS: Record<string, SportWords> = {
  football: {
    teamSuffixes: ["United", "Rovers", "City", "Athletic", "Wanderers"],
    events: ["derby", "cup tie", "league match", "semi-final", "title decider", "relegation battle"],
    actions: ["scored twice", "hit the post", "saved a penalty", "was sent off", "headed the winner", "equalised late"],
    things: ["goal", "penalty", "free kick", "corner", "header", "clean sheet"],
    roles: ["striker", "goalkeeper", "midfielder", "defender", "captain", "manager"],
    topics: ["League Cup", "Premier Division", "Women's League", "Youth Cup", "Continental Cup"],
    kickers: ["Late drama", "Derby day", "Cup shock", "Title race", "Relegation scrap"],
  },
  cricket: {
    teamSuffixes: ["Strikers", "Chargers", "Kings", "Titans"],
    events: ["Test", "one-day international", "T20 final", "county match", "series decider"],
    actions: ["made a century", "took five wickets", "was run out", "held a sharp catch", "bowled a maiden", "declared early"],
    things: ["wicket", "innings", "over", "boundary", "century", "spell"],
    roles: ["opener", "spinner", "fast bowler", "wicketkeeper", "captain", "coach"],
    topics: ["County Championship", "T20 Blast", "Test series", "One-day cup", "Women's Ashes"],
    kickers: ["Collapse", "Rain stops play", "Record stand", "Spin king", "Series level"],
  },
  tennis: {
    teamSuffixes: ["Open", "Masters", "Classic", "Championships"],
    events: ["quarter-final", "semi-final", "final", "first-round match", "doubles final"],
    actions: ["saved three match points", "served an ace", "broke serve", "won in straight sets", "retired hurt", "came back from a set down"],
    things: ["serve", "set", "tie-break", "rally", "break point", "forehand"],
    roles: ["top seed", "qualifier", "defending champion", "wildcard", "coach", "doubles partner"],
    topics: ["Grand Slam", "Clay season", "Grass season", "Davis Cup", "Tour finals"],
    kickers: ["Upset", "Five-setter", "Comeback", "Match point", "Seeds fall"],
  },
  motorsport: {
    teamSuffixes: ["Grand Prix", "Rally", "500", "Endurance"],
    events: ["grand prix", "sprint race", "qualifying session", "rally stage", "endurance race"],
    actions: ["took pole", "spun out", "pitted early", "set the fastest lap", "overtook on the last lap", "retired from the lead"],
    things: ["lap", "pit stop", "tyre", "grid", "podium", "safety car"],
    roles: ["driver", "team principal", "race engineer", "rookie", "championship leader", "teammate"],
    topics: ["Formula One", "World Rally", "Endurance racing", "MotoGP", "Touring cars"],
    kickers: ["Pole position", "Pit-lane drama", "Title fight", "Last-lap lunge", "Grid penalty"],
  },
  olympics: {
    teamSuffixes: [""],
    events: ["heat", "final", "qualifying round", "relay", "medal race"],
    actions: ["won gold", "set a personal best", "fell on the last bend", "missed the podium", "broke the national record", "took silver"],
    things: ["medal", "podium", "heat", "record", "relay", "routine"],
    roles: ["sprinter", "skater", "rower", "swimmer", "coach", "team captain"],
    topics: ["Athletics", "Swimming", "Rowing", "Cycling", "Gymnastics", "Biathlon", "Bobsleigh", "Fencing"],
    kickers: ["Golden moment", "Heartbreak", "World record", "Photo finish", "Medal hopes"],
  },
};

// Share of stories per section (the demo newsroom's five sections).
export const SECTION_WEIGHTS: Record<string, number> = { football: 35, cricket: 20, olympics: 18, tennis: 15, motorsport: 12 };

// Tags any story may carry, beside its sport's own.
export const GENERAL_TOPICS = [
  "Injuries",
  "Transfers",
  "Doping",
  "Coaching",
  "Youth sport",
  "Women's sport",
  "Records",
  "Retirements",
  "Governance",
  "Broadcasting",
  "Stadiums",
  "Fans",
  "Referees",
  "Contracts",
  "Awards",
  "Obituaries",
  "Preview",
  "Analysis",
  "Interview",
  "Opinion",
  "Results",
  "Weather",
  "Security",
  "Sponsorship",
  "Finance",
  "Medicine",
  "Technology",
  "History",
  "Debuts",
  "Comebacks",
  "Rivalries",
  "Rules",
  "Appeals",
  "Selection",
] as const;

// Words few stories contain (each in about one story in 400): the bench's "rare" searches.
export const RARE_WORDS = ["hailstorm", "turnstile", "mascot", "blackout", "bagpipes", "fireworks", "streaker", "marquee"] as const;

// Words most stories contain, whatever the sport: the bench's "common" searches.
export const COMMON_WORDS = ["season", "coach", "crowd", "fans"] as const;

export const RELATED_LABELS = ["", "", "", "READ MORE:", "'UNBELIEVABLE':", "WATCH:", "ANALYSIS:", "LIVE:"] as const;

export const AGENCY_LINES = ["", "", "with Associated Press", "with Reuters", "with AAP"] as const;

export const QUOTE_CONTEXTS = ["", "", "said through an interpreter", "told reporters afterwards", "speaking on the club's podcast"] as const;

export const HEADINGS = ["How it happened", "The turning point", "What comes next", "In numbers", "The view from the dressing room"] as const;

// Syllables of each story's made-up place name: a word only that story contains.
export const SYLLABLES = ["ka", "lo", "mi", "nu", "pa", "ro", "si", "tu", "vo", "za", "bu", "da", "fi", "go", "ha", "ju"] as const;
