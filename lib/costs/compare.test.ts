import { describe, expect, it } from "vitest";
import { parseCompareStates } from "./compare";

describe("parseCompareStates", () => {
  it("takes 2–4 states as a comma list or repeated, any case, repeats dropped", () => {
    expect(parseCompareStates(["tx,ca"])).toEqual({
      ok: true,
      states: ["TX", "CA"],
      canonical: "/costs/compare?states=tx,ca",
    });
    expect(parseCompareStates(["TX", "ca", "", "tx"])).toMatchObject({ ok: true, states: ["TX", "CA"] });
    expect(parseCompareStates(["tx,ca,ny,fl"])).toMatchObject({ ok: true });
  });

  it("answers 404 for unknown states and 400 for too few or too many", () => {
    expect(parseCompareStates(["tx,zz"])).toMatchObject({ ok: false, status: 404 });
    expect(parseCompareStates(["tx,pr"])).toMatchObject({ ok: false, status: 404 });
    expect(parseCompareStates([])).toMatchObject({ ok: false, status: 400 });
    expect(parseCompareStates(["tx,tx"])).toMatchObject({ ok: false, status: 400 });
    expect(parseCompareStates(["tx,ca,ny,fl,wa"])).toMatchObject({ ok: false, status: 400 });
  });
});
