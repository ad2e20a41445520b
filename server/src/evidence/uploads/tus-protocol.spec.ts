import { AppError } from '../../common';
import { checkFileName, parseDeclaration, parseUploadMetadata, requireTusVersion } from './tus-protocol';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const statusOf = (fn: () => unknown): number | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as AppError).getStatus();
  }
};

describe('tus protocol parsing', () => {
  it('reads Upload-Metadata pairs, empty values included', () => {
    expect(parseUploadMetadata(`filename ${b64('statement.pdf')},filetype ${b64('application/pdf')},flag`)).toEqual({
      filename: 'statement.pdf',
      filetype: 'application/pdf',
      flag: '',
    });
    expect(statusOf(() => parseUploadMetadata('filename not*base64'))).toBe(400);
  });

  it('requires the protocol version', () => {
    expect(statusOf(() => requireTusVersion(undefined))).toBe(412);
    expect(statusOf(() => requireTusVersion('0.2.2'))).toBe(412);
    expect(statusOf(() => requireTusVersion('1.0.0'))).toBeNull();
  });

  it.each(['../../etc/passwd', 'a/b.pdf', 'c:\\evil.exe', 'bell\u0007.txt', 'new\nline.txt', '..', '', 'x'.repeat(256)])('refuses the file name %p', (name) => {
    expect(statusOf(() => checkFileName(name))).toBe(400);
  });

  it('keeps an honest name as given, in Unicode NFC', () => {
    expect(checkFileName('Déclaration témoin 3.pdf')).toBe('Déclaration témoin 3.pdf');
  });

  it('refuses empty, missing, negative and absurd lengths and a malformed declared hash', () => {
    const meta = `filename ${b64('a.txt')}`;
    expect(statusOf(() => parseDeclaration('0', meta))).toBe(400);
    expect(statusOf(() => parseDeclaration(undefined, meta))).toBe(400);
    expect(statusOf(() => parseDeclaration('-5', meta))).toBe(400);
    expect(statusOf(() => parseDeclaration('99999999999999999999', meta))).toBe(400);
    expect(statusOf(() => parseDeclaration('10', `${meta},sha256 ${b64('abc')}`))).toBe(400);
    expect(parseDeclaration('10', `${meta},sha256 ${b64('A'.repeat(64))}`).declaredSha256).toBe('a'.repeat(64));
  });
});
