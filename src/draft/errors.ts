// A file that cannot be drafted from: its Danish message says what it is and what to do instead.
export class DraftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DraftError";
  }
}
