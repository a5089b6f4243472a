/**
 * The questionnaire's questions, section by section, as plain accessible HTML: each section a
 * fieldset with its legend, each choice question a fieldset of radio buttons or check boxes with
 * its own labels, every field reachable by keyboard; a question's error is tied to it with
 * aria-describedby. Which questions show and what is wrong come from the caller (the shared rules).
 */
import type { Question, QuestionnaireSection } from '@par/contracts';
import { t } from '../standalone/texts';
import type { FormErrors, FormValue, FormValues } from './form-state';

type QuestionView = Question;
type AnswerValue = FormValue;

export interface QuestionnaireFormProps {
  sections: QuestionnaireSection[];
  answers: FormValues;
  errors: FormErrors;
  onChange: (questionKey: string, value: FormValue) => void;
}

export function fieldId(questionId: string): string {
  return `q-${questionId}`;
}

function RequiredMark({ required }: { required: boolean }) {
  if (!required) return null;
  return (
    <>
      {' '}
      <span className="required" aria-hidden="true">
        *
      </span>
      <span className="sr-only">{t('required')}</span>
    </>
  );
}

function Described({ question, error }: { question: QuestionView; error?: string }) {
  const id = fieldId(question.key);
  return (
    <>
      {question.help && (
        <p className="hint" id={`${id}-help`}>
          {question.help}
        </p>
      )}
      {error && (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

function describedBy(question: QuestionView, error?: string): string | undefined {
  const id = fieldId(question.key);
  const ids = [question.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function choicesOf(question: QuestionView): Array<{ value: string; label: string }> {
  if (question.type === 'scale') {
    // The questionnaire names the two ends; the levels between are the usual SIPAS words.
    return [1, 2, 3, 4, 5].map((level) => ({
      value: String(level),
      label:
        level === 1 ? question.lowLabel : level === 5 ? question.highLabel : t(`scale.${level}`),
    }));
  }
  if (question.type === 'singleChoice' || question.type === 'multipleChoice')
    return question.options.map((option) => ({ value: option.key, label: option.label }));
  return [];
}

function ChoiceQuestion(props: {
  question: QuestionView;
  value: AnswerValue | undefined;
  error?: string;
  onChange: QuestionnaireFormProps['onChange'];
}) {
  const { question, value, error, onChange } = props;
  const id = fieldId(question.key);
  const multiple = question.type === 'multipleChoice';
  const selected = Array.isArray(value) ? value : value === undefined ? [] : [String(value)];
  return (
    <fieldset
      className={`question${question.type === 'scale' ? ' scale-question' : ''}`}
      id={id}
      aria-describedby={describedBy(question, error)}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <legend>
        {question.label}
        <RequiredMark required={question.required} />
      </legend>
      <div className={question.type === 'scale' ? 'scale' : undefined}>
        {choicesOf(question).map((option, index) => {
          const optionId = `${id}-${index}`;
          const checked = selected.includes(option.value);
          return (
            <label className="choice" htmlFor={optionId} key={option.value}>
              <input
                id={optionId}
                type={multiple ? 'checkbox' : 'radio'}
                name={id}
                value={option.value}
                checked={checked}
                required={question.required && !multiple}
                onChange={(event) => {
                  if (!multiple) {
                    const raw = option.value;
                    onChange(question.key, question.type === 'scale' ? Number(raw) : raw);
                    return;
                  }
                  const next = event.target.checked
                    ? [...selected, option.value]
                    : selected.filter((item) => item !== option.value);
                  onChange(question.key, next.length ? next : undefined);
                }}
              />
              <span>
                {question.type === 'scale' && <strong>{option.value} </strong>}
                {option.label}
              </span>
            </label>
          );
        })}
      </div>
      <Described question={question} error={error} />
    </fieldset>
  );
}

function TextQuestion(props: {
  question: QuestionView;
  value: AnswerValue | undefined;
  error?: string;
  onChange: QuestionnaireFormProps['onChange'];
}) {
  const { question, value, error, onChange } = props;
  const id = fieldId(question.key);
  const common = {
    id,
    name: id,
    required: question.required,
    'aria-describedby': describedBy(question, error),
    'aria-invalid': error ? true : undefined,
  };
  const text = value === undefined ? '' : String(value);
  return (
    <div className="question">
      <label htmlFor={id}>
        {question.label}
        <RequiredMark required={question.required} />
      </label>
      {question.type === 'longText' ? (
        <textarea
          {...common}
          value={text}
          maxLength={question.maxLength}
          onChange={(event) => onChange(question.key, event.target.value || undefined)}
        />
      ) : question.type === 'number' ? (
        <input
          {...common}
          type="text"
          inputMode="decimal"
          value={text}
          // Kept as typed ("1,5"); form-state turns it into a number when the form is checked.
          onChange={(event) => onChange(question.key, event.target.value || undefined)}
        />
      ) : (
        <input
          {...common}
          type="text"
          value={text}
          maxLength={question.type === 'shortText' ? question.maxLength : undefined}
          onChange={(event) => onChange(question.key, event.target.value || undefined)}
        />
      )}
      <Described question={question} error={error} />
    </div>
  );
}

export function QuestionnaireForm({ sections, answers, errors, onChange }: QuestionnaireFormProps) {
  return (
    <>
      {sections.map((section) => (
        <fieldset className="section" key={section.key}>
          <legend>
            <h2>{section.title}</h2>
          </legend>
          {section.description && <p className="hint">{section.description}</p>}
          {section.questions.map((question) => {
            const Question =
              question.type === 'singleChoice' ||
              question.type === 'multipleChoice' ||
              question.type === 'scale'
                ? ChoiceQuestion
                : TextQuestion;
            return (
              <Question
                key={question.key}
                question={question}
                value={answers[question.key]}
                error={errors[question.key]}
                onChange={onChange}
              />
            );
          })}
        </fieldset>
      ))}
    </>
  );
}
