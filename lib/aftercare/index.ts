export * from "./score";
export * from "./cost";
