import React from 'react';
import { FieldValidationMessage } from '@grafana/ui';

/** Problems that concern a whole section rather than one field. */
export function SectionProblems({ messages }: { messages: string[] }) {
  return (
    <>
      {messages.map((message) => (
        <FieldValidationMessage key={message}>{message}</FieldValidationMessage>
      ))}
    </>
  );
}
