// The 2007 contracts shipped with the product, validated like any contract file so bad data fails loudly.
import type { Contract } from "./model";
import { parseContract } from "./schema";
import jobcenterKbh2007 from "./data/jobcenter-kbh-2007.json";
import beskaeftigelsescentre2007 from "./data/beskaeftigelsescentre-2007.json";

let cache: Contract[] | undefined;

export function builtinContracts(): Contract[] {
  cache ??= [
    parseContract(jobcenterKbh2007, "jobcenter-kbh-2007.json"),
    parseContract(beskaeftigelsescentre2007, "beskaeftigelsescentre-2007.json"),
  ];
  return cache;
}

export function findBuiltin(id: string): Contract | undefined {
  return builtinContracts().find((c) => c.id === id);
}
