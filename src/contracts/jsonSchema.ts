// The JSON Schema of a contract file, generated from the one zod schema, so editors complete and
// check a contract file that says "$schema": "…/contract.schema.json". The rules zod checks in
// code (references to centres, sheet names, unique ids) are not in it; parseContract still runs
// them. src/contracts/contract.schema.json is this, checked in; a test keeps it current.
import { z } from "zod";
import { contractSchema } from "./schema";

export function contractJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(contractSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  > & { properties: Record<string, unknown> };
  return {
    ...schema,
    title: "Resultatkontrakt",
    description:
      "En resultatkontrakt som JSON: år, centre og mål. Andele skrives som decimaltal (10 % = 0.1). Se README: Sådan vurderes målene.",
    properties: {
      $schema: {
        type: "string",
        description: "Henvisning til dette skema (bruges af editorer, ignoreres ved indlæsning).",
      },
      ...schema.properties,
    },
  };
}
