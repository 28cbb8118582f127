// One labelled text input of the account forms (the label names the input for screen readers and
// for clicks); the remaining input attributes pass through.
import type { InputHTMLAttributes } from 'react';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> & {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
};

export function TextField({ id, label, value, onValue, ...input }: TextFieldProps) {
  return (
    <div className="accounts-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(event) => onValue(event.target.value)} {...input} />
    </div>
  );
}
