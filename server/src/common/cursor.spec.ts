import { AppError } from './app-error';
import { decodeCursor, encodeCursor } from './cursor';

const acceptPosition = (values: Record<string, unknown>) => (Number.isSafeInteger(values.p) && typeof values.id === 'string' ? { p: values.p as number, id: values.id } : null);
const base64url = (text: string) => Buffer.from(text).toString('base64url');

describe('page cursors', () => {
  it('reads back what it wrote', () => {
    expect(decodeCursor(encodeCursor({ p: 7, id: 'a' }), acceptPosition)).toEqual({ p: 7, id: 'a' });
  });

  it.each([
    ['not base64url JSON', 'garbage!'],
    ['JSON null', base64url('null')],
    ['an array', base64url('[7,"a"]')],
    ['a number', base64url('7')],
    ['the wrong shape', base64url('{"p":"7","id":"a"}')],
    ['empty', ''],
  ])('refuses %s with 400 on the named field', (_, text) => {
    try {
      decodeCursor(text, acceptPosition, 'before');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).body).toMatchObject({ statusCode: 400, details: [{ field: 'before', code: 'invalid_value' }] });
    }
  });
});
