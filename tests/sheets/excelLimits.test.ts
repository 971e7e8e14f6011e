// Excel's limits on validation texts, applied once for both shells (src/sheets/excelLimits.ts).
import { clip, validationTexts, VALIDATION_TEXT_LIMITS } from "../../src/sheets/excelLimits";

test("a text over Excel's limit is cut to the limit and ends in an ellipsis; a short one is left alone", () => {
  expect(clip("Grundlag", 32)).toBe("Grundlag");
  expect(clip("x".repeat(40), 32)).toBe(`${"x".repeat(31)}…`);
  expect(clip("x".repeat(32), 32)).toBe("x".repeat(32));
});

test("every prompt and error text of a validation fits Excel's limit for it", () => {
  const long = "Skriv et tal. ".repeat(40);
  const texts = validationTexts({ prompt: { title: long, text: long }, error: { title: long, text: long } });
  expect(texts.promptTitle).toHaveLength(VALIDATION_TEXT_LIMITS.promptTitle);
  expect(texts.prompt).toHaveLength(VALIDATION_TEXT_LIMITS.prompt);
  expect(texts.errorTitle).toHaveLength(VALIDATION_TEXT_LIMITS.errorTitle);
  expect(texts.error).toHaveLength(VALIDATION_TEXT_LIMITS.error);
  expect(texts.error.endsWith("…")).toBe(true);
});
