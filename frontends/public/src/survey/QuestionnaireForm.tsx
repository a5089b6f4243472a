/**
 * The questionnaire's questions, section by section, as plain accessible HTML: each section a
 * fieldset with its legend, each choice question a fieldset of radio buttons or check boxes with
 * its own labels, every field reachable by keyboard; a question's error is tied to it with
 * aria-describedby. Which questions show and what is wrong come from the caller (the shared rules).
 */
import type {
  AnswerErrors,
  AnswerValue,
  Answers,
  QuestionView,
  SectionView,
} from './questionnaire-view';
import { t } from '../standalone/texts';

export interface QuestionnaireFormProps {
  sections: SectionView[];
  answers: Answers;
  errors: AnswerErrors;
  onChange: (questionId: string, value: AnswerValue | undefined) => void;
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
  const id = fieldId(question.id);
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
  const id = fieldId(question.id);
  const ids = [question.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function choicesOf(question: QuestionView) {
  if (question.type === 'scale' && !question.options?.length) {
    return [1, 2, 3, 4, 5].map((level) => ({
      value: String(level),
      label: `${level} – ${t(`scale.${level}`)}`,
    }));
  }
  return question.options ?? [];
}

function ChoiceQuestion(props: {
  question: QuestionView;
  value: AnswerValue | undefined;
  error?: string;
  onChange: QuestionnaireFormProps['onChange'];
}) {
  const { question, value, error, onChange } = props;
  const id = fieldId(question.id);
  const multiple = question.type === 'multiple';
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
                    onChange(question.id, question.type === 'scale' ? Number(raw) : raw);
                    return;
                  }
                  const next = event.target.checked
                    ? [...selected, option.value]
                    : selected.filter((item) => item !== option.value);
                  onChange(question.id, next.length ? next : undefined);
                }}
              />
              <span>{option.label}</span>
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
  const id = fieldId(question.id);
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
          maxLength={2000}
          onChange={(event) => onChange(question.id, event.target.value || undefined)}
        />
      ) : question.type === 'number' ? (
        <input
          {...common}
          type="text"
          inputMode="decimal"
          value={text}
          // Kept as typed ("1,5"); form-state turns it into a number when the form is checked.
          onChange={(event) => onChange(question.id, event.target.value || undefined)}
        />
      ) : (
        <input
          {...common}
          type="text"
          value={text}
          maxLength={500}
          onChange={(event) => onChange(question.id, event.target.value || undefined)}
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
        <fieldset className="section" key={section.id}>
          <legend>
            <h2>{section.title}</h2>
          </legend>
          {section.description && <p className="hint">{section.description}</p>}
          {section.questions.map((question) => {
            const Question =
              question.type === 'single' ||
              question.type === 'multiple' ||
              question.type === 'scale'
                ? ChoiceQuestion
                : TextQuestion;
            return (
              <Question
                key={question.id}
                question={question}
                value={answers[question.id]}
                error={errors[question.id]}
                onChange={onChange}
              />
            );
          })}
        </fieldset>
      ))}
    </>
  );
}
