export * from "./quantity.ts";
export * from "./area.ts";
export * from "./time.ts";
export * from "./carbon.ts";
export * from "./gas.ts";
export * from "./gas-volume.ts";
export * from "./energy.ts";
export * from "./density.ts";
