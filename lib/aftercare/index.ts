export * from "./score";
export * from "./cost";
export * from "./offers";
export * from "./derived";
