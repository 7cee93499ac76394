/** Spanish messages for the reports (ICU MessageFormat); the keys are those of en.ts. */
import type { Catalog } from './en.js';

export const es: Catalog = {
  'family.title': 'Informe de progreso de {name}',
  'family.grade': 'Grado {grade}',
  'family.school': 'Escuela: {school}',
  'family.reportDate': 'Fecha del informe: {date}',
  'family.summary':
    '{name} alcanzó la meta en {met} de {total, plural, one {# destreza} other {# destrezas}}.',
  'family.summary.none': 'Todavía no hay trabajos para informar.',
  'family.legend.title': 'Cómo leer este informe',
  'family.legend.intro':
    'Cada destreza tiene un nivel. Un nivel tiene un color, una palabra y una forma. La meta es {goal}.',
  'family.legend.goal': 'Esta es la meta.',
  'family.standards.title': 'Dónde está {name} ahora',
  'family.standards.empty': 'Todavía no se ha revisado ninguna destreza.',
  'family.standard.now': 'Nivel actual',
  'family.standard.started': 'Primer nivel',
  'family.standard.status.met': 'Meta alcanzada',
  'family.standard.status.notYet': 'Todavía no alcanza la meta',
  'family.standard.status.noLevel': 'Todavía sin nivel',
  'family.standard.strength': 'Lo que salió bien',
  'family.standard.nextStep': 'Próximo paso',
  'family.standard.basis': 'Según {count, plural, one {# trabajo} other {# trabajos}}.',
  'family.standard.lastDate': 'Última revisión: {date}.',
  'family.standard.score': 'Puntuación: {score} de {max}.',
  'family.iep.title': 'Metas del IEP',
  'family.iep.intro': 'El IEP es un plan de educación especial. Estas son las metas del plan.',
  'family.iep.dates': 'Fechas del plan: del {start} al {end}.',
  'family.iep.review': 'Próxima revisión: {date}.',
  'family.iep.setting': 'Dónde recibe ayuda',
  'family.iep.noGoals': 'Este plan todavía no tiene metas escritas.',
  'family.goal.area': 'Área',
  'family.goal.baseline': 'Inicio',
  'family.goal.target': 'Objetivo',
  'family.goal.date': 'Fecha de la meta',
  'family.questions': '¿Tiene preguntas? Hable con el maestro o la maestra.',
  'family.untranslated': 'en inglés',
  'family.untranslated.note': 'Algunos textos todavía no tienen traducción. Se muestran en inglés.',
  'report.page': 'Página {page} de {total}',
  'report.notGiven': 'sin dato',
  'level.default.1.label': 'Inicial',
  'level.default.1.family':
    'Su hijo o hija está empezando a aprender esto y hace algunas partes con ayuda.',
  'level.default.2.label': 'En desarrollo',
  'level.default.2.family':
    'Su hijo o hija hace solo las partes más simples y todavía está aprendiendo el resto.',
  'level.default.3.label': 'Competente',
  'level.default.3.family': 'Su hijo o hija aprendió esto y lo hace sin ayuda.',
  'level.default.4.label': 'Avanzado',
  'level.default.4.family':
    'Su hijo o hija usa esto en situaciones nuevas y más difíciles, más allá de lo esperado.',
};
