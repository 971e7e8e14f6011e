// Pieces of the kinds' zod schemas (the JSON form of a target), shared between kinds.
import { z } from "zod";

export const fraction = z.number().min(0).max(1);
export const unit = z.string().min(1);
export const direction = z.enum(["fall", "rise"]);
export const baseline = z.strictObject({
  label: z.string().min(1),
  grundlag: z.string().min(1),
  resultat: z.string().min(1),
});
