// How large one request to Excel may be: Excel on the web refuses a request over 5 MB
// (OFFICE-JS.md), and our size estimates are estimates. Only the Office.js shell sends requests.

/**
 * About 3 MB of estimated request per write batch: Microsoft's own serializer made the built-in
 * build's request ~10 % larger than this estimate, and a host may count the body as an escaped
 * string (another ~15 %), so 3 MB stays well under the web's 5 MB cap.
 */
export const WRITE_BUDGET = 3_000_000;

/**
 * An import larger than this is refused before it starts: it could only be written in several
 * requests, and the web refuses each over 5 MB (a smaller one refused for its size is split).
 */
export const IMPORT_LIMIT = 4_000_000;
