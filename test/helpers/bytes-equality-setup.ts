/** Set up for every test file (vitest.config.ts): byte arrays compared as bytes (bytes-equality.ts). */
import { expect } from "vitest";
import { sameBytes } from "./bytes-equality.ts";

expect.addEqualityTesters([sameBytes]);
