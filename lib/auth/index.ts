// Authentication: next-auth options for the route handler, and who is asking, for everything else.
export { authOptions, SESSION_MAX_AGE_SECONDS } from "./options";
export { getCurrentUser, requireUser, currentRequestIp, type SessionUser } from "./session";
