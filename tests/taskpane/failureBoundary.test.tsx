/** @jest-environment ./tests/support/paneEnvironment.js */
import "./domStubs";
import { render, screen } from "@testing-library/react";
import { FailureBoundary } from "../../src/taskpane/FailureBoundary";

function Throws({ error }: { error: Error }): null {
  throw error;
}

beforeEach(() => {
  // React logs every error a boundary catches; the assertions below are what matters here.
  jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
});

test("a lazy chunk that cannot be downloaded is reported in the user's words", () => {
  const onError = jest.fn();
  const chunkError = Object.assign(new Error("Loading chunk 531 failed."), { name: "ChunkLoadError" });
  render(
    <FailureBoundary onError={onError} loadFailedMessage="En del af panelet kunne ikke hentes.">
      <Throws error={chunkError} />
    </FailureBoundary>,
  );
  expect(onError).toHaveBeenCalledTimes(1);
  expect(onError.mock.calls[0][0].message).toBe("En del af panelet kunne ikke hentes.");
});

test("any other render failure is reported as it is, and the rest of the page stays", () => {
  const onError = jest.fn();
  render(
    <div>
      <p>Resten af panelet</p>
      <FailureBoundary onError={onError} loadFailedMessage="x">
        <Throws error={new Error("Noget gik galt.")} />
      </FailureBoundary>
    </div>,
  );
  expect(onError.mock.calls[0][0].message).toBe("Noget gik galt.");
  expect(screen.getByText("Resten af panelet")).toBeTruthy();
});
