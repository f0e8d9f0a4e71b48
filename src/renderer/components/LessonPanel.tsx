/** The lesson strip above the stage: the step's text, its question, previous/next, a teacher's file. */
import { useApp } from '../state/store';
import { FileInput } from './FileInput';
import { currentLesson, forgetCustomLesson, goToLessonStep, lessonTimeStep, loadLessonFile, nextLessonStep, previousLessonStep, toggleLesson } from '../controller/lesson';
import type { LessonQuestion } from '../lessons/format';

function Question({ question }: { question: LessonQuestion }) {
  const step = useApp((s) => s.step);
  const loading = useApp((s) => s.loading);
  useApp((s) => s.times);
  const revealAt = lessonTimeStep(question.reveal);
  const revealed = !loading && step >= revealAt;
  return (
    <div className="lesson-question" data-testid="lesson.question">
      <p>
        <strong>Question:</strong> {question.prompt}
      </p>
      {revealed ? (
        <p className="lesson-answer" data-testid="lesson.answer">
          <strong>Answer:</strong> {question.answer}
        </p>
      ) : (
        <p className="muted" data-testid="lesson.answer-hidden">
          Run the simulation (Space, or End to jump to the end) to reveal the answer.
        </p>
      )}
    </div>
  );
}

export function LessonPanel() {
  const open = useApp((s) => s.lessonOpen);
  const index = useApp((s) => s.lessonStep);
  const error = useApp((s) => s.lessonError);
  const custom = useApp((s) => s.customLesson);
  useApp((s) => s.sceneId);
  if (!open) return null;
  const lesson = currentLesson();
  const step = lesson?.steps[index];
  return (
    <section className="lesson" aria-labelledby="lesson-title" data-testid="lesson.panel">
      <div className="lesson-head">
        <h2 id="lesson-title">{lesson ? `Lesson: ${lesson.title}` : 'Lesson'}</h2>
        {lesson && (
          <span className="muted" data-testid="lesson.position">
            {index >= 0 ? `step ${index + 1} of ${lesson.steps.length}` : `${lesson.steps.length} steps`}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={previousLessonStep} disabled={!lesson || index <= 0} data-testid="lesson.previous" title="Previous step (Page Up)">
          Previous
        </button>
        <button
          type="button"
          className="primary"
          onClick={nextLessonStep}
          disabled={!lesson || index >= lesson.steps.length - 1}
          data-testid="lesson.next"
          title="Next step (Page Down)"
        >
          {index < 0 ? 'Start' : 'Next'}
        </button>
        <FileInput className="lesson-file" accept=".json,application/json" testId="lesson.file-input" onFile={(file) => void loadLessonFile(file)}>
          Load lesson…
        </FileInput>
        {custom !== null && (
          <button type="button" className="link" onClick={forgetCustomLesson} data-testid="lesson.builtin">
            Built-in lesson
          </button>
        )}
        <button type="button" onClick={toggleLesson} aria-label="Close the lesson" title="Close (G)" data-testid="lesson.close">
          ×
        </button>
      </div>
      {error && (
        <p className="notice error" role="alert" data-testid="lesson.error">
          {error}
        </p>
      )}
      {!lesson && <p className="muted">This scene has no lesson yet. Load a lesson file (format in the README).</p>}
      {lesson && !step && (
        <p>
          {lesson.steps.length} steps. Press <kbd>Page Down</kbd> or{' '}
          <button type="button" className="link" onClick={() => goToLessonStep(0)}>
            start
          </button>
          .
        </p>
      )}
      {step && (
        <div data-testid="lesson.step">
          <h3 data-testid="lesson.step-title">{step.title}</h3>
          <p>{step.text}</p>
          {step.question && <Question key={index} question={step.question} />}
        </div>
      )}
    </section>
  );
}
