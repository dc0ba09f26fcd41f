// Opaque pagination cursor for list_orders_for_user: base64url of "o:<last id>", validated strictly on the way in
// so a crafted cursor cannot carry anything but a positive integer into the bound parameter.
import { PolicyError } from "../../../src/errors.ts";

const CURSOR_BODY = /^o:([1-9][0-9]{0,15})$/;

export function encodeCursor(lastId: number): string {
  return Buffer.from(`o:${lastId}`, "utf8").toString("base64url");
}

/** The last id of the previous page (0 for the first page); ERR_POLICY_ARGS_INVALID for anything malformed. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === "") return 0;
  const match = CURSOR_BODY.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const id = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (!Number.isSafeInteger(id))
    throw new PolicyError("ERR_POLICY_ARGS_INVALID", { message: "The cursor is not valid." });
  return id;
}
