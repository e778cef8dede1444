// `lede/widget`: defines the <lede-analysis> custom element (no exports).
export {};
