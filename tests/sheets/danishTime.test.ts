// Dates are shown in Danish time, whatever the machine's time zone: the first hours of a Danish day
// are the evening before in UTC.
import { danishDate } from "../../src/sheets/danishTime";
import { logTime } from "../../src/templates/auditLog";
import { planSummary } from "../../src/sheets/planSummary";
import { builtinContracts } from "../../src/contracts/builtin";

describe("danishDate", () => {
  it("dates an export between midnight and 01:00 Danish winter time to the Danish day", () => {
    expect(danishDate("2026-11-22T23:30:00Z")).toBe("23.11.2026"); // 00:30 CET
    expect(danishDate("2026-11-22T22:59:59Z")).toBe("22.11.2026"); // 23:59:59 CET
    expect(danishDate("2026-12-31T23:00:00.000Z")).toBe("01.01.2027"); // New Year in Copenhagen
  });

  it("knows summer time: 00:00–02:00 UTC+2 is still the evening before in UTC", () => {
    expect(danishDate("2026-06-30T22:15:00Z")).toBe("01.07.2026"); // 00:15 CEST
    expect(danishDate("2026-06-30T21:59:00Z")).toBe("30.06.2026"); // 23:59 CEST
  });

  it("reads offsets other than Z, and leaves text that is not a time alone", () => {
    expect(danishDate("2026-11-23T00:30:00+01:00")).toBe("23.11.2026");
    expect(danishDate("2026-11-22T20:00:00-05:00")).toBe("23.11.2026"); // 02:00 in Copenhagen
    expect(danishDate("ukendt")).toBe("ukendt");
  });

  it("is what Oversigt shows as the time it was made", () => {
    const contracts = builtinContracts();
    const sheet = planSummary(contracts, [], { generatedAt: "2026-11-22T23:30:00Z" });
    const texts = sheet.cells
      .flat()
      .flatMap((c) => (c && "value" in c && typeof c.value === "string" ? [c.value] : []));
    expect(texts.some((t) => t.startsWith("Dannet 23.11.2026."))).toBe(true);
  });
});

describe("the audit log's time", () => {
  it("is Danish time, winter and summer, whatever the machine's time zone", () => {
    expect(logTime("2026-11-22T10:15:03.123Z")).toBe("2026-11-22 11:15:03"); // CET
    expect(logTime("2026-07-01T10:15:03Z")).toBe("2026-07-01 12:15:03"); // CEST
  });

  it("dates a write just after Danish midnight to the Danish day, with hours 00–23", () => {
    expect(logTime("2026-11-22T23:30:00Z")).toBe("2026-11-23 00:30:00");
    expect(logTime("2026-06-30T22:05:09Z")).toBe("2026-07-01 00:05:09");
  });

  it("leaves text that is not a time alone", () => {
    expect(logTime("ukendt")).toBe("ukendt");
  });
});

describe("Copenhagen's clock, worked out without Intl", () => {
  const intl = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Copenhagen",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const byIntl = (time: number) => {
    const p = Object.fromEntries(intl.formatToParts(time).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  };

  it("agrees with the time-zone database at every summer-time switch from 2000 to 2040, a second either side", () => {
    let checked = 0;
    for (let year = 2000; year <= 2040; year++) {
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const switchAt = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        for (const t of [switchAt - 1000, switchAt, switchAt + 1000]) {
          expect(logTime(new Date(t).toISOString())).toBe(byIntl(t));
          checked++;
        }
      }
    }
    expect(checked).toBe(41 * 2 * 3);
  });

  it("agrees with the time-zone database at 5,000 random instants from 1996 to 2060", () => {
    const from = Date.UTC(1996, 0, 1);
    const to = Date.UTC(2060, 0, 1);
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const t = from + Math.floor(((seed / 2 ** 31) * (to - from)) / 1000) * 1000;
      expect(logTime(new Date(t).toISOString())).toBe(byIntl(t));
    }
  });
});
