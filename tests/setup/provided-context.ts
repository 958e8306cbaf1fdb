// Values the global setups (tests/setup/*) hand to test workers through `project.provide`.
declare module "vitest" {
  export interface ProvidedContext {
    // The run's own database (a temp SQLite file or a fresh PostgreSQL database).
    databaseUrl: string;
    // A temp folder standing in for uploaded media.
    mediaDir: string;
    // Set when the project's database is unavailable and its tests must skip instead of run.
    databaseSkipReason?: string;
    // e2e only: where the production server started for the run answers.
    baseUrl: string;
  }
}

export {};
