// The accounts the throwaway test site is seeded with (scripts/lib/test-server.ts).
export const TEST_ADMIN = { email: "admin@test.local", name: "Test Administratör", password: "test-admin-losenord-2026" };
export const TEST_EDITOR = { email: "redaktor@test.local", name: "Test Redaktör Lerum", password: "test-redaktor-losenord-2026", organisationSlugs: ["lerum"] };
export const TEST_WRITER = { email: "skribent@test.local", name: "Test Skribent Lerum", password: "test-skribent-losenord-2026", organisationSlugs: ["lerum"] };
