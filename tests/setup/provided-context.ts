// Values the global setups (tests/setup/*) hand to test workers through `project.provide`.
declare module "vitest" {
  export interface ProvidedContext {
    // The run's own database (a temp SQLite file or a fresh PostgreSQL database).
    databaseUrl: string;
    // A temp folder standing in for uploaded media.
    mediaDir: string;
    // hostile and integration-postgres: a PostgreSQL server (tests/setup/ensure-postgres.ts) to
    // create databases on.
    postgresServerUrl: string;
    // e2e only: where the production server started for the run answers.
    baseUrl: string;
  }
}

export {};
