/**
 * A citizen's question to a unit: the unit, chosen by name (filled from the page's link when a
 * unit's website sends its citizens here), a title, the question and an optional name. Checked with the
 * contract's own rule before sending; a refusal puts the service's Vietnamese message on its
 * field and moves the focus there, so the form works from the keyboard and a screen reader.
 */
import { useRef, useState } from 'react';
import {
  AskCitizenQuestionParams,
  formatMessage,
  isMessageKey,
  type PublicUnit,
} from '@par/contracts';
import { askQuestion } from './question-api';
import { qt } from './question-texts';

const fields = ['unitCode', 'title', 'text', 'authorName'] as const;
type Field = (typeof fields)[number];
type Errors = Partial<Record<Field, string>>;
const isField = (name: unknown): name is Field => fields.includes(name as Field);

export function AskQuestionForm({
  unitCode: initialUnit,
  units,
}: {
  unitCode?: string;
  units: PublicUnit[];
}) {
  const [values, setValues] = useState<Record<Field, string>>({
    unitCode: initialUnit ?? '',
    title: '',
    text: '',
    authorName: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: 'bad' | 'ok'; text: string }>();
  const [sending, setSending] = useState(false);
  const banner = useRef<HTMLDivElement>(null);
  const unitName = (code: string) => units.find((u) => u.code === code)?.name ?? code;

  const show = (tone: 'bad' | 'ok', body: string, found: Errors = {}) => {
    setErrors(found);
    setMessage({ tone, text: body });
    requestAnimationFrame(() => {
      const first = fields.find((f) => found[f]);
      const field = first ? document.getElementById(`question-${first}`) : null;
      (field ?? banner.current)?.focus();
    });
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const checked = AskCitizenQuestionParams.safeParse(values);
    if (!checked.success) {
      const found: Errors = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0];
        if (isField(field) && !found[field])
          found[field] = isMessageKey(issue.message)
            ? formatMessage(issue.message, {}, 'vi')
            : qt('fix');
      }
      return show('bad', qt('fix'), found);
    }
    setSending(true);
    const outcome = await askQuestion(values);
    setSending(false);
    switch (outcome.kind) {
      case 'accepted':
        setValues((v) => ({ ...v, title: '', text: '' }));
        return show('ok', qt('sent', { unit: unitName(checked.data.unitCode) }));
      case 'invalid': {
        const found: Errors = {};
        for (const f of outcome.fields) if (isField(f.field)) found[f.field] ??= f.message;
        return show('bad', outcome.message, found);
      }
      case 'alreadyAnswered':
      case 'closed':
      case 'unreachable':
        return show('bad', outcome.message);
    }
  }

  const input = (field: Field) => ({
    id: `question-${field}`,
    value: values[field],
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `question-${field}-error` : undefined,
    onChange: (
      event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>,
    ) => setValues((v) => ({ ...v, [field]: event.target.value })),
  });
  const error = (field: Field) =>
    errors[field] && (
      <p className="error" id={`question-${field}-error`}>
        {errors[field]}
      </p>
    );

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-busy={sending}
      aria-labelledby="ask-title"
    >
      <h2 id="ask-title">{qt('formTitle')}</h2>
      <p className="hint">{qt('formNote')}</p>
      <div
        ref={banner}
        tabIndex={-1}
        role={message?.tone === 'bad' ? 'alert' : 'status'}
        className={message ? `banner ${message.tone}` : undefined}
        data-testid="question-message"
      >
        {message?.text}
      </div>
      <div className="question">
        <label htmlFor="question-unitCode">
          {qt('unit')} <span className="required">*</span>
        </label>
        <select
          {...input('unitCode')}
          aria-describedby={errors.unitCode ? 'question-unitCode-error' : undefined}
        >
          <option value="">{qt('chooseUnit')}</option>
          {units.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unit.name}
            </option>
          ))}
        </select>
        {error('unitCode')}
      </div>
      <div className="question">
        <label htmlFor="question-title">
          {qt('questionTitle')} <span className="required">*</span>
        </label>
        <input {...input('title')} type="text" maxLength={200} />
        {error('title')}
      </div>
      <div className="question">
        <label htmlFor="question-text">
          {qt('text')} <span className="required">*</span>
        </label>
        <textarea
          {...input('text')}
          maxLength={4000}
          aria-describedby={errors.text ? 'question-text-error' : 'question-text-count'}
        />
        <p className="hint" id="question-text-count">
          {qt('count', { count: values.text.length })}
        </p>
        {error('text')}
      </div>
      <div className="question">
        <label htmlFor="question-authorName">{qt('name')}</label>
        <input {...input('authorName')} type="text" maxLength={100} autoComplete="name" />
        {error('authorName')}
      </div>
      <div className="actions">
        <button type="submit" disabled={sending} data-testid="question-submit">
          {sending ? qt('sending') : qt('submit')}
        </button>
      </div>
    </form>
  );
}
