// The exceljs internals exceljs.ts adjusts; exceljs ships no types for them.

declare module 'exceljs/lib/xlsx/xform/sheet/data-validations-xform.js' {
  interface DataValidationsXformInstance {
    model: Record<string, unknown>;
    _address: string;
    _dataValidation: { formulae?: unknown[]; operator?: string };
  }
  const DataValidationsXform: {
    prototype: DataValidationsXformInstance & { parseClose(this: DataValidationsXformInstance, name: string): boolean };
  };
  export default DataValidationsXform;
}

declare module 'exceljs/lib/utils/col-cache.js' {
  const colCache: { decodeEx(address: string): { dimensions?: string } };
  export default colCache;
}

declare module 'exceljs/lib/utils/utils.js' {
  const utils: { xmlEncode(text: string): string };
  export default utils;
}
