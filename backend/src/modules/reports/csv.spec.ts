import { toCsv, yuan } from './csv';

describe('CSV export', () => {
  it('writes a BOM, a header and CRLF rows, quoting where needed', () => {
    const csv = toCsv(['门店', '金额', '备注'], [['上海店', yuan(110000), 'a, "b"'], ['北京店', yuan(-550), null]]);
    expect(csv).toBe('\uFEFF门店,金额,备注\r\n上海店,1100.00,"a, ""b"""\r\n北京店,-5.50,\r\n');
  });

  it('neutralises spreadsheet formulas but keeps negative numbers', () => {
    expect(toCsv(['x'], [['=SUM(A1)'], ['-12.50'], ['@cmd']])).toBe("\uFEFFx\r\n'=SUM(A1)\r\n-12.50\r\n'@cmd\r\n");
  });
});
