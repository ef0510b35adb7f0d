// Types for lib/private-paths.mjs (plain JavaScript, shared with server.mjs).
export const STAFF_AREAS: string[];
export const READER_AREAS: string[];
export const PER_REQUEST_AREAS: string[];
export const PRIVATE_AREAS: string[];
export const ASSET_AREAS: string[];
export const STAFF_PATH: RegExp;
export const PER_REQUEST_PATH: RegExp;
export const PRIVATE_PATH: RegExp;
export const NOT_A_STORED_PAGE: RegExp;
export const PRIVATE_SOURCE: string;
export const PUBLIC_SOURCE: string;
