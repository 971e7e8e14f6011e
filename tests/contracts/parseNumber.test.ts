import fc from "fast-check";
import { formatNumber } from "../../src/contracts/formatDa";
import {
  parseNumber,
  parseYesNo,
  type NumberStyle,
  type ParsedNumber,
} from "../../src/contracts/parseNumber";

const STYLES: NumberStyle[] = ["da", "en", "auto"];

function num(value: number, percent = false): ParsedNumber {
  return { kind: "number", value, percent };
}

/** The message of an error result; fails the test when the result is not an error. */
function errorMessage(result: ParsedNumber | ReturnType<typeof parseYesNo>): string {
  if (result.kind !== "error") throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.message;
}

/** A message is Danish: it uses Danish words and tells what to type. */
function expectDanishMessage(message: string, input: string): void {
  const shown = input.trim();
  expect(message).toContain(shown.length > 40 ? `"${shown.slice(0, 40)}…"` : `"${shown}"`);
  expect(message).toMatch(/Skriv/u);
  expect(message).not.toMatch(/\b(?:invalid|number|please|type|error)\b/iu);
}

describe("parseNumber: numbers every style reads the same", () => {
  const cases: [string, number, boolean?][] = [
    ["0", 0],
    ["7", 7],
    ["1000", 1000],
    ["007", 7],
    ["-5", -5],
    ["\u22125", -5], // unicode minus
    ["\u20135", -5], // en dash
    ["+5", 5],
    ["- 5", -5],
    ["-0", 0],
    ["1 000", 1000],
    ["1\u00A0000", 1000],
    ["1\u202F000", 1000],
    ["12 345 678", 12345678],
    ["  42  ", 42],
    ["\u00A042\u202F", 42],
    ["80 %", 0.8, true],
    ["80%", 0.8, true],
    ["80\u00A0%", 0.8, true],
    ["80 pct.", 0.8, true],
    ["80 pct", 0.8, true],
    ["80 PCT.", 0.8, true],
    ["80 procent", 0.8, true],
    ["29 %", 0.29, true],
    ["-5 %", -0.05, true],
    ["100 %", 1, true],
    ["1 000 %", 10, true],
    ["500 kr.", 500, false],
    ["500 kr", 500, false],
    ["500kr.", 500, false],
    ["500 Kr.", 500, false],
    ["1 000 kr.", 1000, false],
  ];
  for (const style of STYLES) {
    test.each(cases)(`${style}: %j`, (text, value, percent = false) => {
      expect(parseNumber(text, style)).toEqual(num(value, percent));
    });
  }

  test("-0 gives 0, not -0", () => {
    const result = parseNumber("-0");
    expect(result.kind === "number" && Object.is(result.value, 0)).toBe(true);
  });
});

describe("parseNumber: empty", () => {
  for (const style of STYLES) {
    test.each(["", " ", "   ", "\u00A0", "\u202F \t", "\n"])(`${style}: %j`, (text) => {
      expect(parseNumber(text, style)).toEqual({ kind: "empty" });
    });
  }
  test("the default style is auto", () => {
    expect(parseNumber("12,5")).toEqual(num(12.5));
    expect(parseNumber("1.000").kind).toBe("error");
  });
});

describe("parseNumber: style da", () => {
  test.each<[string, number, boolean?]>([
    ["1.000", 1000],
    ["12,5", 12.5],
    ["49.218,5", 49218.5],
    ["1.000.000", 1000000],
    ["1.000,5", 1000.5],
    ["0,95", 0.95],
    ["0,1", 0.1],
    ["0,29", 0.29],
    [",5", 0.5],
    ["-,5", -0.5],
    ["1 000,5", 1000.5],
    ["1\u00A0000,25", 1000.25],
    ["12,5 %", 0.125, true],
    ["0,29 %", 0.0029, true],
    ["0,1 %", 0.001, true],
    ["49.218,5 kr.", 49218.5],
    ["61.974 kr.", 61974],
    ["1,000", 1],
    ["0,950", 0.95],
    ["−1.234,56", -1234.56],
  ])("%j", (text, value, percent = false) => {
    expect(parseNumber(text, "da")).toEqual(num(value, percent));
  });

  test.each<[string, RegExp]>([
    ["1.5", /Skriv 1,5 med komma/u],
    ["12.25", /Skriv 12,25 med komma/u],
    ["1.5 %", /Skriv 1,5 % med komma/u],
    ["1.0000", /Skriv 1,0000/u],
    ["0.500", /gyldigt dansk tal/u],
    ["1,000.5", /gyldigt dansk tal/u],
    ["1.000.5", /gyldigt dansk tal/u],
    ["1,2,3", /gyldigt dansk tal/u],
    ["1 000.000", /gyldigt dansk tal/u],
    ["12,", /slutter med et komma.*Skriv 12 eller.*12,5/u],
    ["12.", /slutter med et punktum.*Skriv 12 eller.*12,5/u],
    ["1,5e3", /eksponent/u],
  ])("%j is refused", (text, pattern) => {
    const message = errorMessage(parseNumber(text, "da"));
    expect(message).toMatch(pattern);
    expectDanishMessage(message, text);
  });
});

describe("parseNumber: style en", () => {
  test.each<[string, number, boolean?]>([
    ["1,000", 1000],
    ["12.5", 12.5],
    ["1.5", 1.5],
    ["49,218.5", 49218.5],
    ["1,000,000", 1000000],
    ["1,000.5", 1000.5],
    ["0.95", 0.95],
    ["0.1", 0.1],
    [".5", 0.5],
    ["1 000.5", 1000.5],
    ["12.5 %", 0.125, true],
    ["0.29 %", 0.0029, true],
    ["1.000", 1],
    ["-1,234.56", -1234.56],
  ])("%j", (text, value, percent = false) => {
    expect(parseNumber(text, "en")).toEqual(num(value, percent));
  });

  test.each<[string, RegExp]>([
    ["1,5", /Skriv 1\.5 med punktum/u],
    ["12,25", /Skriv 12\.25 med punktum/u],
    ["1.000,5", /engelsk format/u],
    ["1,2,3", /engelsk format/u],
    ["1 000,000", /engelsk format/u],
    ["12.", /slutter med et punktum.*Skriv 12 eller.*12\.5/u],
    ["12,", /slutter med et komma.*Skriv 12 eller.*12\.5/u],
  ])("%j is refused", (text, pattern) => {
    const message = errorMessage(parseNumber(text, "en"));
    expect(message).toMatch(pattern);
    expectDanishMessage(message, text);
  });
});

describe("parseNumber: style auto", () => {
  test.each<[string, number, boolean?]>([
    ["1.000,5", 1000.5],
    ["1,000.5", 1000.5],
    ["12,5", 12.5],
    ["1000", 1000],
    ["0,95", 0.95],
    ["49.218,5", 49218.5],
    ["1.000.000", 1000000],
    ["1,000,000", 1000000],
    ["1,000,000.25", 1000000.25],
    ["1.000.000,25", 1000000.25],
    ["1000,5", 1000.5],
    ["1 000,5", 1000.5],
    ["12,3450", 12.345],
    [",5", 0.5],
    [",500", 0.5],
    ["12,5 %", 0.125, true],
    ["80 %", 0.8, true],
    ["49.218,5 kr.", 49218.5],
  ])("%j", (text, value, percent = false) => {
    expect(parseNumber(text, "auto")).toEqual(num(value, percent));
  });

  test.each<[string, RegExp]>([
    ["1.000", /tvetydigt.*Skriv 1000, hvis punktummet skiller tusinder, eller 1, hvis det er decimaltegn/u],
    ["1,000", /tvetydigt.*Skriv 1000, hvis kommaet skiller tusinder, eller 1, hvis det er decimaltegn/u],
    ["1,500", /tvetydigt.*Skriv 1500.*eller 1,5,/u],
    ["12,345", /tvetydigt.*Skriv 12345.*eller 12,3450,/u],
    ["0,950", /tvetydigt/u],
    ["1 000,500", /tvetydigt/u],
    ["1.000 kr.", /Skriv 1000 kr\./u],
    ["-1.000", /Skriv -1000,/u],
    ["1.5", /tvetydigt.*Skriv 1,5, hvis du mener et decimaltal, eller 15 uden punktum/u],
    ["0.95", /tvetydigt.*Skriv 0,95.*eller 95 uden punktum/u],
    ["12.25", /tvetydigt/u],
    ["1000.5", /tvetydigt.*Skriv 1000,5/u],
    ["1.5000", /tvetydigt.*Skriv 1,5,/u],
    [".5", /tvetydigt.*Skriv 0,5/u],
    ["12.5 %", /tvetydigt.*Skriv 12,5 %/u],
    ["12,", /slutter med et komma.*Skriv 12 eller et decimaltal, fx 12,5/u],
    ["12.", /slutter med et punktum/u],
    ["1,2,3", /ikke et gyldigt tal/u],
    ["1.000.5", /ikke et gyldigt tal/u],
    ["1,000.000.5", /ikke et gyldigt tal/u],
  ])("%j is refused", (text, pattern) => {
    const message = errorMessage(parseNumber(text, "auto"));
    expect(message).toMatch(pattern);
    expectDanishMessage(message, text);
  });
});

describe("parseNumber: refused in every style", () => {
  const cases: [string, RegExp][] = [
    ["ca. 10", /bogstaver/u],
    ["10 stk", /bogstaver/u],
    ["kr. 500", /bogstaver/u],
    ["NaN", /bogstaver/u],
    ["Infinity", /bogstaver/u],
    ["0x10", /bogstaver/u],
    ["1e5", /eksponent/u],
    ["1E-3", /eksponent/u],
    ["2e+10", /eksponent/u],
    ["10 20", /flere tal/u],
    ["1 0000", /flere tal/u],
    ["10-20", /flere tal/u],
    ["10/20", /flere tal/u],
    ["5-", /flere tal|tegnet/u],
    ["--5", /tegnet "-"/u],
    ["+-5", /tegnet "-"/u],
    ["(5)", /tegnet "\("/u],
    ["1'000", /tegnet "'"/u],
    ["１２", /tegnet "１"/u],
    ["80 % kr.", /tegnet "%"/u],
    ["%", /ikke et tal/u],
    ["kr.", /ikke et tal/u],
    ["-", /ikke et tal/u],
    ["+", /ikke et tal/u],
    [".", /ikke et tal/u],
    [",", /ikke et tal/u],
    ["1234567890123456", /for mange cifre/u],
    ["1" + "0".repeat(400), /for stort/u],
  ];
  for (const style of STYLES) {
    test.each(cases)(`${style}: %j`, (text, pattern) => {
      const message = errorMessage(parseNumber(text, style));
      expect(message).toMatch(pattern);
      expectDanishMessage(message, text);
    });
  }

  test("a long input is shortened in the message", () => {
    const text = "x".repeat(200);
    const message = errorMessage(parseNumber(text));
    expect(message).toContain(`"${"x".repeat(40)}…"`);
    expect(message.length).toBeLessThan(250);
  });

  test("examples in auto messages are accepted by auto", () => {
    const message = errorMessage(parseNumber("ca. 10"));
    expect(message).toContain("1000 eller 12,5");
    expect(parseNumber("1000").kind).toBe("number");
  });

  test("a non-string from JavaScript gives an error, not an exception", () => {
    expect(parseNumber(undefined as unknown as string).kind).toBe("error");
    expect(parseNumber(12 as unknown as string).kind).toBe("error");
  });
});

describe("parseNumber: exact decimals", () => {
  test.each<[string, NumberStyle, number]>([
    ["0,1", "da", 0.1],
    ["0,29", "da", 0.29],
    ["29 %", "auto", 0.29],
    ["0,07 %", "da", 0.0007],
    ["12,5 %", "auto", 0.125],
    ["57 %", "auto", 0.57],
    ["1,15 %", "da", 0.0115],
    ["0.29", "en", 0.29],
  ])("%j (%s) is exactly %p", (text, style, value) => {
    const result = parseNumber(text, style);
    expect(result.kind === "number" && result.value).toBe(value);
  });
});

describe("parseYesNo", () => {
  test.each(["Ja", "ja", " JA ", "\u00A0jA\u202F"])("%j is yes", (text) => {
    expect(parseYesNo(text)).toEqual({ kind: "yes" });
  });
  test.each(["Nej", "nej", " NEJ ", "\tnEj\n"])("%j is no", (text) => {
    expect(parseYesNo(text)).toEqual({ kind: "no" });
  });
  test.each(["", "  ", "\u00A0"])("%j is empty", (text) => {
    expect(parseYesNo(text)).toEqual({ kind: "empty" });
  });
  test.each(["Yes", "no", "j", "n", "1", "0", "sand", "Ja.", "ja tak", "Nej!", "jo"])(
    "%j is refused",
    (text) => {
      const message = errorMessage(parseYesNo(text));
      expect(message).toContain(`"${text}"`);
      expect(message).toMatch(/Skriv Ja eller Nej/u);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Properties

/** English formatting: the Danish one with "." and "," swapped. */
function formatEn(value: number): string {
  return formatNumber(value).replace(/[.,]/gu, (c) => (c === "." ? "," : "."));
}

/** Thousands with spaces instead of dots: "1.000,5" → "1 000,5". */
function withSpaces(danish: string, space: string): string {
  return danish.replace(/\./gu, space);
}

/** Any finite number with at most 2 decimals, up to ±10^11. */
const cents = fc.integer({ min: -(10 ** 13), max: 10 ** 13 }).map((k) => ({ k, n: k / 100 }));

/** Strings over the characters numbers are made of, so that the interesting paths are hit. */
const numberish = fc.string({
  unit: fc.constantFrom(..."0123456789.,  -+%\u2212\u00A0".split(""), "kr.", "pct.", "e"),
  maxLength: 14,
});

/** Digit groups joined by separators, with an optional sign and suffix: "-1.234,5 %", "12,345". */
const separated = fc
  .tuple(
    fc.constantFrom("", "-", "+", "\u2212"),
    fc.array(fc.stringMatching(/^\d{1,4}$/u), { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom(".", ",", " "), { minLength: 3, maxLength: 3 }),
    fc.constantFrom("", " %", " kr.", "pct."),
  )
  .map(
    ([sign, groups, seps, suffix]) =>
      sign + groups.map((g, i) => (i === 0 ? g : (seps[i - 1] ?? "") + g)).join("") + suffix,
  );

const numberLike = fc.oneof(numberish, separated);

const whitespace = fc.string({
  unit: fc.constantFrom(" ", "\t", "\n", "\r", "\u00A0", "\u202F", "\u2007", "\u2009", "\u3000", "\uFEFF"),
  maxLength: 4,
});

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  numberLike,
);

describe("parseNumber: properties", () => {
  test("Danish formatting read back with da gives the number", () => {
    fc.assert(
      fc.property(cents, ({ n }) => {
        expect(parseNumber(formatNumber(n), "da")).toEqual(num(n));
        expect(parseNumber(withSpaces(formatNumber(n), "\u00A0"), "da")).toEqual(num(n));
      }),
      { numRuns: 2000 },
    );
  });

  test("English formatting read back with en gives the number", () => {
    fc.assert(
      fc.property(cents, ({ n }) => {
        expect(parseNumber(formatEn(n), "en")).toEqual(num(n));
      }),
      { numRuns: 2000 },
    );
  });

  test("a Danish percentage read back gives the number divided by 100, exactly", () => {
    fc.assert(
      fc.property(cents, ({ k, n }) => {
        expect(parseNumber(`${formatNumber(n)} %`, "da")).toEqual(num(k / 10000, true));
      }),
      { numRuns: 1000 },
    );
  });

  test("auto reads a Danish-formatted number either correctly or not at all", () => {
    fc.assert(
      fc.property(cents, ({ n }) => {
        const result = parseNumber(formatNumber(n), "auto");
        if (result.kind === "number") expect(result.value).toBe(n);
        else expect(result.kind).toBe("error");
      }),
      { numRuns: 1000 },
    );
  });

  test("never throws, and always returns one of the three kinds", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom<NumberStyle>("da", "en", "auto"), (text, style) => {
        const result = parseNumber(text, style);
        expect(["number", "empty", "error"]).toContain(result.kind);
        if (result.kind === "number") expect(Number.isFinite(result.value)).toBe(true);
        if (result.kind === "error") expect(result.message.length).toBeGreaterThan(0);
        expect(["yes", "no", "empty", "error"]).toContain(parseYesNo(text).kind);
      }),
      { numRuns: 5000 },
    );
  });

  test("auto refuses every text that da and en read as different numbers", () => {
    fc.assert(
      fc.property(numberLike, (text) => {
        const da = parseNumber(text, "da");
        const en = parseNumber(text, "en");
        const auto = parseNumber(text, "auto");
        if (da.kind === "number" && en.kind === "number" && da.value !== en.value) {
          expect(auto.kind).toBe("error");
        }
        if (auto.kind === "number") {
          // auto never invents a reading of its own
          expect([da, en]).toContainEqual(auto);
        }
      }),
      { numRuns: 20000 },
    );
  });

  test("auto refuses a single separator followed by 3 digits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(".", ","),
        (a, b, sep) => {
          const text = `${a}${sep}${String(b).padStart(3, "0")}`;
          expect(parseNumber(text, "auto").kind).toBe("error");
        },
      ),
    );
  });

  test("surrounding whitespace, NBSP included, never changes the result", () => {
    fc.assert(
      fc.property(
        fc.oneof(numberLike, fc.string()),
        whitespace,
        whitespace,
        fc.constantFrom<NumberStyle>("da", "en", "auto"),
        (text, before, after, style) => {
          expect(parseNumber(before + text + after, style)).toEqual(parseNumber(text, style));
          expect(parseYesNo(before + text + after)).toEqual(parseYesNo(text));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
