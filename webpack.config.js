// Builds the task pane, the ribbon's function file and the command error dialog into dist/.
//   npm run build                 production, no polyfills (Office's webviews are evergreen)
//   webpack serve --mode development
//                                 https://localhost:3000 with office-addin-dev-certs;
//                                 RK_DEV_HTTP=1 serves plain http (headless tests, no certificate)
"use strict";

const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const PORT = Number(process.env.RK_DEV_PORT || 3000);
const ASSETS = path.resolve(__dirname, "assets");

/** Emits assets/*.png as they are: the manifest points at https://localhost:3000/assets/icon-NN.png. */
class CopyIconsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("CopyIconsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "CopyIconsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of fs.readdirSync(ASSETS).filter((f) => f.endsWith(".png"))) {
            const full = path.join(ASSETS, file);
            compilation.fileDependencies.add(full);
            compilation.emitAsset(`assets/${file}`, new sources.RawSource(fs.readFileSync(full)));
          }
        },
      );
    });
  }
}

/**
 * HTTPS options for the dev server. getHttpsServerOptions() makes the localhost certificate and
 * installs its CA (root/sudo on Linux). If installing fails, or scripts/start.js already tried
 * (RK_DEV_CERTS_TRIED=1), the generated files are used as they are: the browser or Excel then
 * warns about the certificate until the CA is trusted (npm start prints how).
 */
async function devServerHttps() {
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const readFiles = () => ({
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  });
  if (process.env.RK_DEV_CERTS_TRIED === "1" && fs.existsSync(defaults.localhostKeyPath)) return readFiles();
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    console.warn(`office-addin-dev-certs: ${error.message}`);
    return readFiles();
  }
}

/** The old-webview guard: one ES5 source, inlined into every page where it says <%= oldWebviewGuard %>. */
const OLD_WEBVIEW_GUARD = path.resolve(__dirname, "src/pages/oldWebviewGuard.js");

/** One page: its entry's chunks and the guard. */
function page(chunk, template) {
  return new HtmlWebpackPlugin({
    filename: `${chunk}.html`,
    template,
    chunks: [chunk],
    templateParameters: { oldWebviewGuard: fs.readFileSync(OLD_WEBVIEW_GUARD, "utf8") },
  });
}

module.exports = async (_env, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const plainHttp = process.env.RK_DEV_HTTP === "1";

  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      fejl: "./src/commands/fejl.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".mjs", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // tsconfig.json targets Node (CommonJS) for jest and the CLI; the browser build needs
              // ES modules so webpack can tree-shake Fluent and split at import().
              compilerOptions: {
                module: "esnext",
                moduleResolution: "node",
                target: "es2020",
                sourceMap: true,
              },
            },
          },
        },
      ],
    },
    // Office's webviews (Edge WebView2, WKWebView, modern browsers) need no polyfills: none added.
    target: ["web", "es2020"],
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Heavy libraries only ever come in through import(); each gets its own async chunk.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            priority: 30,
          },
          hyperformula: {
            test: /[\\/]node_modules[\\/]hyperformula[\\/]/,
            name: "hyperformula",
            chunks: "async",
            priority: 30,
          },
          zod: { test: /[\\/]node_modules[\\/]zod[\\/]/, name: "zod", chunks: "async", priority: 30 },
        },
      },
    },
    performance: {
      // The real budget is checked by scripts/bundle-size.js (gzip of the pane's initial chunks).
      hints: false,
    },
    plugins: [
      page("taskpane", "./src/taskpane/taskpane.html"),
      page("commands", "./src/commands/commands.html"),
      page("fejl", "./src/commands/fejl.html"),
      new CopyIconsPlugin(),
    ],
    devServer: {
      port: PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
      // Everything is emitted by webpack (pages, chunks, icons); there is no public/ folder.
      static: false,
      client: { overlay: { warnings: false } },
      server: serving && !plainHttp ? { type: "https", options: await devServerHttps() } : { type: "http" },
    },
  };
};
