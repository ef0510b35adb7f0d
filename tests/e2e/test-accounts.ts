// The account the throwaway test site is seeded with (scripts/lib/test-server.ts).
export const TEST_ADMIN = { email: "admin@test.local", name: "Test Administratör", password: "test-admin-losenord-2026" };
