import { APIError } from "better-auth/api";
import { describe, expect, it } from "vitest";
import { authApiError } from "./api-error";

describe("better-auth's errors", () => {
  it("are recognised from another bundle's copy of the class, by name", () => {
    // What a server action sees when a route handler's bundle created the shared auth instance.
    class OtherCopy extends Error {
      name = "APIError";
      statusCode = 401;
      body = { code: "INVALID_EMAIL_OR_PASSWORD" };
    }
    expect(authApiError(new OtherCopy("Invalid email or password"))).toMatchObject({ statusCode: 401, body: { code: "INVALID_EMAIL_OR_PASSWORD" } });
    expect(authApiError(new APIError("UNAUTHORIZED", { code: "X" }))).toMatchObject({ statusCode: 401 });
  });

  it("are not any other error", () => {
    expect(authApiError(new Error("Invalid email or password"))).toBeNull();
    expect(authApiError(null)).toBeNull();
    expect(authApiError({ name: "APIError" })).toBeNull();
  });
});
