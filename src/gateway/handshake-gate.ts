// Tracks the MCP lifecycle handshake so the gateway's own requests to the upstream (tools/list) wait until the client's
// `notifications/initialized` has been forwarded. Clients of the stateless 2026-07-28 revision send no initialize:
// their first request opens the gate. A client that never completes the handshake is not waited for forever.

export const HANDSHAKE_WAIT_MS = 5000;

export interface HandshakeGate {
  /** A request other than initialize arrived; with no initialize seen before, the session is stateless. */
  sawRequest(): void;
  sawInitialize(): void;
  open(): void;
  done(): Promise<void>;
  /** True once the gate is open, so callers can skip awaiting done() (a promise per tools/call on the hot path). */
  isOpen(): boolean;
}

export function createHandshakeGate(waitMs = HANDSHAKE_WAIT_MS): HandshakeGate {
  let initializeSeen = false;
  let opened = false;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const open = () => {
    opened = true;
    release();
  };
  return {
    sawRequest: () => {
      if (!initializeSeen) open();
    },
    sawInitialize: () => {
      initializeSeen = true;
    },
    open,
    isOpen: () => opened,
    done: () => {
      if (opened) return Promise.resolve();
      return Promise.race([gate, new Promise<void>((r) => setTimeout(r, waitMs))]);
    },
  };
}
