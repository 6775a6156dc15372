import ExcelJS from 'exceljs';
import type { EvaluationSummary, Heatmap } from '../../../shared/contracts/evaluation';
import { defaultScale, type Scale } from '../../../shared/contracts/frameworks';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policy';
import { safeCsv } from '../../platform/csv-safe';
import type { Db } from '../../platform/db/database';
import { forbidden, notFound } from '../../platform/errors';
import { frameworksRepository } from '../frameworks/frameworks.repository';
import { evaluationRepository as repo } from './evaluation.repository';
import { canReadSubject, presentRound, presentSubject, subjectResource } from './evaluation.service';
import { changeSince, commonWeaknesses, isJudged, labelOf } from './judgements';

type Cell = Heatmap['cells'][number][number];

/** Read-only views over a round: the trust heatmap, a school's summary, component coverage, exports. */
export function createEvaluationViews(db: Db) {
  async function visibleRound(actor: Actor, roundId: string) {
    const round = await repo.findRound(db, actor.trustId, roundId);
    if (!round) throw notFound('Round');
    const all = await repo.listSubjects(db, actor.trustId, roundId);
    const subjects = all.filter((s) => canReadSubject(actor, s));
    if (all.length > 0 && subjects.length === 0) throw forbidden();
    return { round, subjects };
  }

  return {
    /** Rows are evaluations, columns statements; a cell is the agreed judgement only. */
    async heatmap(
      actor: Actor,
      roundId: string,
      f: { phase?: string; area?: string; toolVersionId?: string; liaisonPersonId?: string },
    ): Promise<Heatmap> {
      const { round, subjects: visible } = await visibleRound(actor, roundId);
      const subjects = visible.filter(
        (s) =>
          (!f.phase || s.school_phase === f.phase) &&
          (!f.area || s.tool_area === f.area) &&
          (!f.toolVersionId || s.tool_version_id === f.toolVersionId) &&
          (!f.liaisonPersonId || s.liaison_person_id === f.liaisonPersonId),
      );
      const versionIds = [...new Set(subjects.map((s) => s.tool_version_id))];
      const [aspects, statements, cells] = await Promise.all([
        frameworksRepository.listAspects(db, actor.trustId, versionIds),
        frameworksRepository.listStatements(db, actor.trustId, versionIds),
        repo.listAgreedCells(db, actor.trustId, roundId),
      ]);
      const aspectTitle = new Map(aspects.map((a) => [a.id, a.title]));
      const toolName = new Map(subjects.map((s) => [s.tool_version_id, s.tool_name]));
      const columnIndex = new Map(statements.map((s, i) => [s.id, i]));
      const rowIndex = new Map(subjects.map((s, i) => [s.id, i]));
      const grid: Cell[][] = subjects.map((s) =>
        statements.map((st) => (st.tool_version_id === s.tool_version_id ? null : 'na')),
      );
      for (const c of cells) {
        const ri = rowIndex.get(c.round_subject_id);
        const ci = columnIndex.get(c.statement_id);
        if (ri === undefined || ci === undefined) continue;
        // Agreed values show only once the whole evaluation is agreed or under review by the liaison.
        grid[ri]![ci] = c.not_judged ? 'left' : c.agreed_value;
      }
      const scale = (subjects[0]?.scale ?? (await firstScale(db, actor.trustId, versionIds))) as Scale;
      const weaknesses = commonWeaknesses(
        statements.map((st, ci) => ({ statementId: st.id, values: grid.map((row) => row[ci] ?? null) })),
        scale.secureValue,
      );
      const byId = new Map(statements.map((s) => [s.id, s]));
      return {
        round: presentRound(round),
        scale,
        columns: statements.map((s) => ({
          statementId: s.id,
          code: s.code,
          text: s.text,
          aspect: aspectTitle.get(s.aspect_id) ?? '',
          toolName: toolName.get(s.tool_version_id) ?? '',
          toolVersionId: s.tool_version_id,
        })),
        rows: subjects.map((s) => ({
          subjectId: s.id,
          toolVersionId: s.tool_version_id,
          schoolId: s.school_id,
          label: s.school_name
            ? s.department_name
              ? `${s.school_name} – ${s.department_name}`
              : s.school_name
            : 'Trust',
          phase: s.school_phase,
          liaisonName: s.liaison_name,
          status: s.status as Heatmap['rows'][number]['status'],
        })),
        cells: grid,
        commonWeaknesses: weaknesses.map((w) => {
          const st = byId.get(w.statementId)!;
          return { ...w, code: st.code, text: st.text, toolName: toolName.get(st.tool_version_id) ?? '' };
        }),
      };
    },

    /** A school's self-evaluation by tool and aspect, with change since the last round. */
    async summary(actor: Actor, roundId: string, schoolId: string): Promise<EvaluationSummary> {
      const { round, subjects: visible } = await visibleRound(actor, roundId);
      const subjects = visible.filter((s) => s.school_id === schoolId);
      if (!can(actor, 'school.read', { trustId: actor.trustId, schoolId })) throw forbidden();
      const versionIds = [...new Set(subjects.map((s) => s.tool_version_id))];
      const [aspects, statements, responses] = await Promise.all([
        frameworksRepository.listAspects(db, actor.trustId, versionIds),
        frameworksRepository.listStatements(db, actor.trustId, versionIds),
        repo.listResponses(
          db,
          actor.trustId,
          subjects.map((s) => s.id),
        ),
      ]);
      const statementById = new Map(statements.map((s) => [s.id, s]));
      return {
        round: presentRound(round),
        previousRoundId: round.previous_round_id,
        tools: subjects.map((s) => {
          const staff = can(actor, 'evaluation.read', subjectResource(actor, s));
          const mine = responses.filter((r) => r.round_subject_id === s.id);
          return {
            subjectId: s.id,
            toolName: s.tool_name,
            departmentName: s.department_name,
            status: s.status as EvaluationSummary['tools'][number]['status'],
            progress: presentSubject(s).progress,
            aspects: aspects
              .filter((a) => a.tool_version_id === s.tool_version_id)
              .map((a) => {
                const rs = mine.filter((r) => statementById.get(r.statement_id)?.aspect_id === a.id);
                const distribution: Record<string, number> = {};
                const changes = { up: 0, down: 0, same: 0 };
                for (const r of rs) {
                  // Staff see the current judgement (agreed, else their own); governors agreed ones only.
                  const value = r.agreed_value ?? (staff && isJudged(r) ? r.self_value : null);
                  if (r.not_judged || value === null) continue;
                  distribution[String(value)] = (distribution[String(value)] ?? 0) + 1;
                  const c = changeSince(r.agreed_value, r.previous_agreed_value);
                  if (c === 'up' || c === 'down' || c === 'same') changes[c]++;
                }
                return {
                  title: a.title,
                  distribution,
                  ...changes,
                  leftForNextTime: rs
                    .filter((r) => r.not_judged)
                    .map((r) => ({
                      code: statementById.get(r.statement_id)!.code,
                      text: statementById.get(r.statement_id)!.text,
                      note: staff ? r.not_judged_note : '',
                    })),
                };
              }),
          };
        }),
      };
    },

    /** For each framework component: how many statements evidence it, and the agreed judgements on them. */
    async coverage(actor: Actor, roundId: string) {
      const { subjects } = await visibleRound(actor, roundId);
      const versionIds = [...new Set(subjects.map((s) => s.tool_version_id))];
      const [components, statements, cells] = await Promise.all([
        frameworksRepository.listComponents(db, actor.trustId),
        frameworksRepository.listStatements(db, actor.trustId, versionIds),
        repo.listAgreedCells(db, actor.trustId, roundId),
      ]);
      const visibleIds = new Set(subjects.map((s) => s.id));
      const tagsOf = new Map(statements.map((s) => [s.id, s.tags]));
      return {
        components: components.map((c) => {
          const distribution: Record<string, number> = {};
          for (const cell of cells) {
            if (!visibleIds.has(cell.round_subject_id) || cell.not_judged || cell.agreed_value === null)
              continue;
            if (!tagsOf.get(cell.statement_id)?.includes(c.code)) continue;
            distribution[String(cell.agreed_value)] = (distribution[String(cell.agreed_value)] ?? 0) + 1;
          }
          return {
            code: c.code,
            label: c.label,
            framework: c.framework,
            strand: c.strand,
            statements: statements.filter((s) => s.tags.includes(c.code)).length,
            distribution,
          };
        }),
      };
    },

    /** Every judgement of the round the actor may see, one row per statement per evaluation. */
    async exportRows(actor: Actor, roundId: string) {
      const { round, subjects } = await visibleRound(actor, roundId);
      const versionIds = [...new Set(subjects.map((s) => s.tool_version_id))];
      const [aspects, statements, responses] = await Promise.all([
        frameworksRepository.listAspects(db, actor.trustId, versionIds),
        frameworksRepository.listStatements(db, actor.trustId, versionIds),
        repo.listResponses(
          db,
          actor.trustId,
          subjects.map((s) => s.id),
        ),
      ]);
      const aspectTitle = new Map(aspects.map((a) => [a.id, a.title]));
      const statementById = new Map(statements.map((s) => [s.id, s]));
      const subjectById = new Map(subjects.map((s) => [s.id, s]));
      const header = [
        'School',
        'Department',
        'Tool',
        'Aspect',
        'Code',
        'Statement',
        'Status',
        'Self-judgement',
        'Agreed judgement',
        'Left until next time',
        'Change since last round',
        'Carried forward',
        'Reason',
        'Agreed rationale',
      ];
      const rows = responses.map((r) => {
        const s = subjectById.get(r.round_subject_id)!;
        const st = statementById.get(r.statement_id)!;
        const scale = s.scale as Scale;
        const staff = can(actor, 'evaluation.read', subjectResource(actor, s));
        return [
          s.school_name ?? 'Trust',
          s.department_name ?? '',
          s.tool_name,
          aspectTitle.get(st.aspect_id) ?? '',
          st.code,
          st.text,
          s.status,
          staff ? labelOf(scale, r.self_value) : '',
          labelOf(scale, r.agreed_value),
          r.not_judged ? 'Yes' : '',
          changeSince(r.agreed_value, r.previous_agreed_value) ?? '',
          r.carried_forward ? 'Yes' : '',
          staff ? r.self_reason : '',
          r.agreed_rationale,
        ];
      });
      rows.sort((a, b) => a.slice(0, 3).join('|').localeCompare(b.slice(0, 3).join('|')) || 0);
      return { roundName: round.name, header, rows };
    },

    async exportCsv(actor: Actor, roundId: string) {
      const { roundName, header, rows } = await this.exportRows(actor, roundId);
      return { filename: `${slug(roundName)}-judgements.csv`, body: safeCsv([header, ...rows]) };
    },

    async exportXlsx(actor: Actor, roundId: string) {
      const { roundName, header, rows } = await this.exportRows(actor, roundId);
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Judgements');
      sheet.addRow(header).font = { bold: true };
      for (const r of rows) sheet.addRow(r);
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      sheet.columns.forEach((c, i) => {
        c.width = [28, 18, 28, 28, 10, 60][i] ?? 18;
      });
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      return { filename: `${slug(roundName)}-judgements.xlsx`, body: buffer };
    },
  };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'round';

async function firstScale(db: Db, trustId: string, versionIds: string[]) {
  const v = versionIds[0] ? await frameworksRepository.findVersion(db, trustId, versionIds[0]) : undefined;
  // With every row filtered out there is no tool to take a scale from; the default keeps the legend sensible.
  return v?.scale ?? defaultScale;
}

export type EvaluationViews = ReturnType<typeof createEvaluationViews>;
