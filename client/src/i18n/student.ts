/**
 * The students' screens' accessibility and rule texts (page titles, the accessible datacenter
 * view, what is announced, the rules explained where they bite), in both languages. Kept apart
 * from en.ts/zh.ts so each stays small; merged into the same namespace by initI18n.
 */
type Deep<T> = { [K in keyof T]: T[K] extends string ? string : Deep<T[K]> };

export const studentEn = {
  a11y: {
    dismiss: "Dismiss",
    away: "away", members: "Members", joinTeam: "Join {{team}}", askTeam: "Ask to join {{team}}",
    inTeam: "You are in {{team}}. Waiting for the teacher to start the round…",
    failureTitle: "What your users see",
    failureRecovered: "Right now no request is being turned away.",
    title: {
      landing: "Join a class", sessions: "Your past sessions", replay: "Replay", message: "Connecting", closed: "Out of the session",
      lobby: "Lobby {{code}}", briefing: "Briefing {{code}}", play: "Your datacenter {{code}}", debrief: "Debrief {{code}}",
      host: "Teacher {{code}}", "host-over": "Teacher: debrief {{code}}",
    },
  },
};

export const studentZh: Deep<typeof studentEn> = {
  a11y: {
    dismiss: "关闭提示",
    away: "暂时离开", members: "成员", joinTeam: "加入 {{team}}", askTeam: "申请加入 {{team}}",
    inTeam: "你已加入 {{team}}。等待老师开始本轮…",
    failureTitle: "你的用户看到的页面",
    failureRecovered: "此刻没有请求被拒绝。",
    title: {
      landing: "加入课堂", sessions: "你以前的课堂", replay: "回放", message: "正在连接", closed: "已离开课堂",
      lobby: "大厅 {{code}}", briefing: "任务简报 {{code}}", play: "你的数据中心 {{code}}", debrief: "复盘 {{code}}",
      host: "教师 {{code}}", "host-over": "教师：复盘 {{code}}",
    },
  },
};
