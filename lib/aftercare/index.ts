export * from "./score";
export * from "./cost";
export * from "./offers";
