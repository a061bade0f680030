import type { GovLevel, UnitKind } from '../units/unit.entity';
import type { Role } from '../users/role';

/**
 * The demo organisation created on first start: the city of seed 002 (阳江市) with the departments named in its
 * 附表7 task table, its leading-group office, and two counties. Names are today's; the old names the plan uses
 * (环境保护局, 国土资源局, 农业局 …) resolve through renames and the aliases below.
 */
export interface DemoUnit {
  key: string;
  parent: string | null;
  kind: UnitKind;
  level: GovLevel;
  name: string;
  shortName: string;
  headName?: string;
  headTitle?: string;
  aliases?: string[];
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
}

export const DEMO_PASSWORD = 'Demo2026pass';

const city = (key: string, name: string, aliases: string[] = [], headName?: string): DemoUnit => ({
  key,
  parent: 'city',
  kind: 'department',
  level: 'city',
  name: `阳江市${name}`,
  shortName: `市${name}`,
  aliases,
  headName,
  headTitle: headName ? '局长' : undefined,
});

const county = (parent: string, place: string, key: string, name: string): DemoUnit => ({
  key,
  parent,
  kind: 'department',
  level: 'county',
  name: `${place}${name}`,
  shortName: `${place.replace(/(县|市)$/, '')}${name}`,
  headTitle: '局长',
});

export const DEMO_UNITS: DemoUnit[] = [
  {
    key: 'city',
    parent: null,
    kind: 'government',
    level: 'city',
    name: '阳江市人民政府',
    shortName: '阳江市政府',
    headName: '（市长）',
    headTitle: '市长',
  },
  {
    key: 'office',
    parent: 'city',
    kind: 'office',
    level: 'city',
    name: '阳江市土壤污染防治工作领导小组办公室',
    shortName: '市土壤办',
    headName: '（办公室主任）',
    headTitle: '主任',
    aliases: ['领导小组办公室', '市土壤污染防治工作领导小组办公室'],
  },
  {
    key: 'inspection',
    parent: 'city',
    kind: 'office',
    level: 'city',
    name: '阳江市人民政府督查室',
    shortName: '市政府督查室',
    headTitle: '主任',
  },
  city('eco', '生态环境局', ['环境保护局'], '（生态环境局局长）'),
  city('ndrc', '发展和改革局'),
  city('miit', '工业和信息化局', ['经济和信息化局', '经济和信息化委']),
  city('finance', '财政局'),
  city('land', '自然资源局', ['国土资源局']),
  city('housing', '住房和城乡建设局'),
  city('agri', '农业农村局', ['农业局'], '（农业农村局局长）'),
  city('forestry', '林业局'),
  city('health', '卫生健康局'),
  city('water', '水务局'),
  city('education', '教育局'),
  city('science', '科学技术局'),
  city('police', '公安局'),
  city('transport', '交通运输局'),
  city('ocean', '海洋与渔业局'),
  city('emergency', '应急管理局'),
  city('market', '市场监督管理局'),
  city('coop', '供销合作社', [], undefined),
  city('urban', '城市管理和综合执法局', ['城管局', '城市综合管理局']),
  city('sasac', '人民政府国有资产监督管理委员会', ['国资委']),
  city('commerce', '商务局'),
  city('stats', '统计局'),
  city('audit', '审计局'),
  city('justice', '司法局', ['法制局']),
  city('culture', '文化广电旅游体育局', ['文广新局', '文化广电新闻出版局']),
  {
    key: 'publicity',
    parent: 'city',
    kind: 'department',
    level: 'city',
    name: '中共阳江市委宣传部',
    shortName: '市委宣传部',
    aliases: ['宣传部'],
  },
  { key: 'maritime', parent: 'city', kind: 'department', level: 'city', name: '阳江海事局', shortName: '海事局' },
  {
    key: 'org-dept',
    parent: 'city',
    kind: 'department',
    level: 'city',
    name: '中共阳江市委组织部',
    shortName: '市委组织部',
    aliases: ['组织部'],
  },
  {
    key: 'sci-assoc',
    parent: 'city',
    kind: 'department',
    level: 'city',
    name: '阳江市科学技术协会',
    shortName: '市科协',
    aliases: ['科协'],
  },
  {
    key: 'procuratorate',
    parent: 'city',
    kind: 'department',
    level: 'city',
    name: '阳江市人民检察院',
    shortName: '市检察院',
    aliases: ['检察院'],
  },
  {
    key: 'yangxi',
    parent: 'city',
    kind: 'government',
    level: 'county',
    name: '阳西县人民政府',
    shortName: '阳西县政府',
    headTitle: '县长',
  },
  county('yangxi', '阳西县', 'yangxi-eco', '生态环境局'),
  county('yangxi', '阳西县', 'yangxi-agri', '农业农村局'),
  county('yangxi', '阳西县', 'yangxi-land', '自然资源局'),
  county('yangxi', '阳西县', 'yangxi-ndrc', '发展和改革局'),
  {
    key: 'yangchun',
    parent: 'city',
    kind: 'government',
    level: 'county',
    name: '阳春市人民政府',
    shortName: '阳春市政府',
    headTitle: '市长',
  },
  county('yangchun', '阳春市', 'yangchun-eco', '生态环境局'),
  county('yangchun', '阳春市', 'yangchun-agri', '农业农村局'),
  county('yangchun', '阳春市', 'yangchun-housing', '住房和城乡建设局'),
];

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'system_admin', unit: 'city' },
  { username: 'office', displayName: '王主任（市土壤办）', role: 'office_admin', unit: 'office' },
  { username: 'supervisor', displayName: '李督查（市政府督查室）', role: 'supervisor', unit: 'inspection' },
  { username: 'liaison', displayName: '张联络员（市农业农村局）', role: 'unit_liaison', unit: 'agri' },
  { username: 'head', displayName: '陈局长（市农业农村局）', role: 'unit_head', unit: 'agri' },
  { username: 'leader', displayName: '刘副市长', role: 'leader', unit: 'city' },
  { username: 'eco-liaison', displayName: '黄联络员（市生态环境局）', role: 'unit_liaison', unit: 'eco' },
  {
    username: 'yangxi-liaison',
    displayName: '周联络员（阳西县农业农村局）',
    role: 'unit_liaison',
    unit: 'yangxi-agri',
  },
];
