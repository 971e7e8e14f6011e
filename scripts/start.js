#!/usr/bin/env node
// `npm start`: run the add-in against Excel.
// - Windows and macOS: office-addin-debugging builds, serves https://localhost:3000 (via the
//   "dev-server" npm script) and sideloads manifest.xml into desktop Excel.
// - Linux has no desktop Excel: serve over https with office-addin-dev-certs and explain (in
//   Danish) how to upload manifest.xml to Excel on the web.
"use strict";

const { spawn } = require("child_process");
const https = require("https");
const path = require("path");

const root = path.resolve(__dirname, "..");
const PORT = Number(process.env.RK_DEV_PORT || 3000);

function localBin(name) {
  return path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
}

/** Runs a command in the foreground and exits with its code; Ctrl+C reaches it too. */
function runForeground(command, args, env = process.env) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: "inherit",
    env,
    shell: process.platform === "win32",
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

async function ensureDevCertificate() {
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  try {
    // Makes ~/.office-addin-dev-certs/{ca.crt,localhost.crt,localhost.key} and trusts the CA
    // (on Linux through sudo update-ca-certificates).
    await devCerts.ensureCertificatesAreInstalled();
    return true;
  } catch (error) {
    console.warn(
      [
        "",
        "Udviklercertifikatet kunne ikke installeres som betroet (det kræver root/sudo):",
        `  ${String(error.message || error).split("\n")[0]}`,
        "Serveren kører alligevel over https, men browseren advarer om certifikatet, og Excel på nettet",
        "kan ikke hente tilføjelsesprogrammet, før certifikatet er betroet. Gør ét af følgende:",
        "  • kør:  sudo npx office-addin-dev-certs install   (og derefter npm start igen), eller",
        `  • importér ${defaults.caCertificatePath} som betroet rodcertifikat (nøglecenter) i browseren`,
        "    (Chrome/Edge: Indstillinger → Privatliv og sikkerhed → Sikkerhed → Administrer certifikater;",
        "    Firefox: Indstillinger → Privatliv & sikkerhed → Vis certifikater → Autoriteter → Importér).",
        "",
      ].join("\n"),
    );
    return false;
  }
}

/** Resolves once https://localhost:PORT answers (any status), or after timeoutMs. */
function waitForServer(timeoutMs) {
  const started = Date.now();
  return new Promise((resolve) => {
    const attempt = () => {
      const request = https.get(
        { host: "localhost", port: PORT, path: "/taskpane.html", rejectUnauthorized: false, timeout: 2000 },
        (response) => {
          response.resume();
          resolve(true);
        },
      );
      request.on("error", () => {
        if (Date.now() - started > timeoutMs) resolve(false);
        else setTimeout(attempt, 1000);
      });
      request.on("timeout", () => request.destroy());
    };
    attempt();
  });
}

function printWebSideloadHelp(trusted) {
  console.log(
    [
      "",
      "───────────────────────────────────────────────────────────────────────────────",
      `Resultatkontrakter kører på https://localhost:${PORT}/taskpane.html`,
      "",
      "Sådan indlæser du tilføjelsesprogrammet i Excel på nettet (på denne maskine):",
      "  1. Åbn en projektmappe i Excel på nettet (via https://www.office.com).",
      "  2. Vælg Indsæt → Tilføjelsesprogrammer → Mine tilføjelsesprogrammer →",
      "     Upload mit tilføjelsesprogram.",
      `  3. Vælg filen ${path.join(root, "manifest.xml")} og klik Upload.`,
      "  4. Klik Hjem → Resultatkontrakter → Kontraktpanel.",
      trusted
        ? ""
        : `Husk: åbn https://localhost:${PORT}/taskpane.html i browseren én gang og godkend certifikatet,\n` +
          "eller installér det som beskrevet ovenfor, ellers bliver panelet tomt.",
      PORT === 3000 ? "" : `Bemærk: manifest.xml peger på port 3000, ikke ${PORT}.`,
      "Stop serveren med Ctrl+C.",
      "───────────────────────────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
}

async function main() {
  if (process.platform === "win32" || process.platform === "darwin") {
    runForeground(localBin("office-addin-debugging"), ["start", "manifest.xml", "desktop"]);
    return;
  }

  const trusted = await ensureDevCertificate();
  // Tell webpack.config.js not to try (and ask for sudo) a second time.
  const env = { ...process.env, RK_DEV_CERTS_TRIED: "1" };
  runForeground(localBin("webpack"), ["serve", "--mode", "development"], env);
  if (await waitForServer(120000)) printWebSideloadHelp(trusted);
  else
    console.warn(
      `Serveren svarede ikke på https://localhost:${PORT} inden for 2 minutter. Se fejlen ovenfor.`,
    );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
