// Pages may recognise an unreachable database without importing the client itself.
export { isDatabaseUnavailableError } from "@/lib/db";
