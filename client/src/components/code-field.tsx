import { TextInput, type TextInputProps } from '@mantine/core';

/**
 * Where a person types a code from their authenticator app (or a recovery code): the browser and
 * the phone's keyboard may offer the code (`one-time-code`), and nothing corrects or capitalises it.
 */
export function CodeField(props: Omit<TextInputProps, 'autoComplete' | 'spellCheck' | 'autoCapitalize' | 'autoCorrect'>) {
  return <TextInput autoComplete="one-time-code" spellCheck={false} autoCapitalize="off" autoCorrect="off" maxLength={40} required {...props} />;
}
