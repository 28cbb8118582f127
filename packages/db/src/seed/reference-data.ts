// Reference data: criteria sets and funding sources. This file IS the editable, versioned copy
// of the national rules — criteria change by decree, so edit data here, never code elsewhere.
// Facts come from /work/shared/reference (ntm-domain.md, ntm-criteria.json); `isUncertain`
// mirrors that file's `uncertain` flags so the UI can show which thresholds are unverified.
import type { CriteriaLevel, EligibilityJson, FundingSourceKind } from '../schema.ts';

export interface IndicatorSeed {
  code: string;
  nameVi: string;
  nameEn: string;
  threshold: string;
  isUncertain: boolean;
}

export interface CriterionSeed {
  number: number;
  /** Code of a group in the same set; absent when the set has no groups. */
  groupCode?: string;
  nameVi: string;
  nameEn: string;
  indicators: IndicatorSeed[];
}

export interface CriteriaGroupSeed {
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface CriteriaSetSeed {
  code: string;
  level: CriteriaLevel;
  nameVi: string;
  nameEn: string;
  decision: string;
  validFrom: string;
  validTo: string | null;
  groups: CriteriaGroupSeed[];
  criteria: CriterionSeed[];
}

export interface FundingSourceSeed {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: FundingSourceKind;
  needsCouncilApproval: boolean;
  eligibility: EligibilityJson;
}

// QĐ 318/QĐ-TTg. Criterion names/numbers are sourced; the split 14–17 → IV, 18–19 → V is
// background knowledge (one source lumps 14–19 together), consistent with "5 groups".
export const communeCriteria2021: CriteriaSetSeed = {
  code: 'xa-ntm-2021-2025',
  level: 'commune',
  nameVi: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025',
  nameEn: 'National criteria for new-rural communes, 2021–2025',
  decision: 'QĐ 318/QĐ-TTg ngày 08/3/2022',
  validFrom: '2022-03-08',
  validTo: '2025-12-31',
  groups: [
    { code: 'I', nameVi: 'Quy hoạch', nameEn: 'Planning' },
    {
      code: 'II',
      nameVi: 'Hạ tầng kinh tế - xã hội',
      nameEn: 'Socio-economic infrastructure',
    },
    {
      code: 'III',
      nameVi: 'Kinh tế và tổ chức sản xuất',
      nameEn: 'Economy and production organisation',
    },
    {
      code: 'IV',
      nameVi: 'Văn hóa - Xã hội - Môi trường',
      nameEn: 'Culture, society and environment',
    },
    { code: 'V', nameVi: 'Hệ thống chính trị', nameEn: 'Political system' },
  ],
  criteria: [
    {
      number: 1,
      groupCode: 'I',
      nameVi: 'Quy hoạch',
      nameEn: 'Planning',
      indicators: [
        {
          code: '1.1',
          nameVi: 'Có quy hoạch chung xây dựng xã được phê duyệt và được công bố công khai đúng thời hạn',
          nameEn: 'Approved general commune construction plan, publicly announced on time',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '1.2',
          nameVi: 'Ban hành quy định quản lý quy hoạch chung xây dựng xã và tổ chức thực hiện theo quy hoạch',
          nameEn: 'Plan management regulation issued and implemented',
          threshold: 'Đạt',
          isUncertain: true,
        },
      ],
    },
    {
      number: 2,
      groupCode: 'II',
      nameVi: 'Giao thông',
      nameEn: 'Transport',
      indicators: [
        {
          code: '2.1',
          nameVi: 'Tỷ lệ đường xã được nhựa hóa hoặc bê tông hóa, đảm bảo ô tô đi lại thuận tiện quanh năm',
          nameEn: 'Share of commune roads asphalted/concreted, car-passable all year',
          threshold: '100%',
          isUncertain: true,
        },
        {
          code: '2.2',
          nameVi:
            'Tỷ lệ đường thôn, bản và đường liên thôn, bản ít nhất được cứng hóa, đảm bảo đi lại thuận tiện quanh năm',
          nameEn: 'Share of village and inter-village roads at least hardened',
          threshold: 'varies by region',
          isUncertain: true,
        },
        {
          code: '2.3',
          nameVi: 'Tỷ lệ đường ngõ, xóm sạch và đảm bảo đi lại thuận tiện quanh năm',
          nameEn: 'Share of alleys clean and passable all year',
          threshold: 'varies by region',
          isUncertain: true,
        },
        {
          code: '2.4',
          nameVi: 'Tỷ lệ đường trục chính nội đồng đảm bảo vận chuyển hàng hóa thuận tiện quanh năm',
          nameEn: 'Share of main in-field roads fit for transporting goods all year',
          threshold: 'varies by region',
          isUncertain: true,
        },
      ],
    },
    {
      number: 3,
      groupCode: 'II',
      nameVi: 'Thủy lợi và phòng, chống thiên tai',
      nameEn: 'Irrigation and natural-disaster prevention',
      indicators: [
        {
          code: '3.1',
          nameVi: 'Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động',
          nameEn: 'Share of agricultural land with active irrigation and drainage',
          threshold: '≥80%',
          isUncertain: false,
        },
        {
          code: '3.2',
          nameVi: 'Đảm bảo yêu cầu chủ động về phòng, chống thiên tai theo phương châm 4 tại chỗ',
          nameEn: "Proactive disaster prevention under the '4 on-the-spot' motto",
          threshold: 'Đạt',
          isUncertain: false,
        },
      ],
    },
    {
      number: 4,
      groupCode: 'II',
      nameVi: 'Điện',
      nameEn: 'Electricity',
      indicators: [
        {
          code: '4.1',
          nameVi: 'Hệ thống điện đạt chuẩn',
          nameEn: 'Electrical system meets standard',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '4.2',
          nameVi: 'Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện thường xuyên, an toàn từ các nguồn',
          nameEn: 'Share of households with direct registration and regular, safe power',
          threshold: '~95-99% by region',
          isUncertain: true,
        },
      ],
    },
    {
      number: 5,
      groupCode: 'II',
      nameVi: 'Trường học',
      nameEn: 'Schools',
      indicators: [
        {
          code: '5',
          nameVi:
            'Tỷ lệ trường học các cấp (mầm non, tiểu học, THCS) có cơ sở vật chất và thiết bị dạy học đạt tiêu chuẩn theo quy định',
          nameEn:
            'Share of kindergarten/primary/lower-secondary schools whose facilities and equipment meet standard',
          threshold: 'varies by region',
          isUncertain: true,
        },
      ],
    },
    {
      number: 6,
      groupCode: 'II',
      nameVi: 'Cơ sở vật chất văn hóa',
      nameEn: 'Cultural facilities',
      indicators: [
        {
          code: '6.1',
          nameVi:
            'Xã có nhà văn hóa hoặc hội trường đa năng và sân thể thao phục vụ sinh hoạt văn hóa, thể thao của toàn xã',
          nameEn: 'Commune cultural house or multi-purpose hall plus sports ground',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '6.2',
          nameVi: 'Xã có điểm vui chơi, giải trí và thể thao cho trẻ em và người cao tuổi theo quy định',
          nameEn: 'Play/sport spots for children and the elderly',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '6.3',
          nameVi: 'Tỷ lệ thôn, bản có nhà văn hóa hoặc nơi sinh hoạt văn hóa, thể thao phục vụ cộng đồng',
          nameEn: 'Share of villages with a cultural house or community space',
          threshold: '100%',
          isUncertain: true,
        },
      ],
    },
    {
      number: 7,
      groupCode: 'II',
      nameVi: 'Cơ sở hạ tầng thương mại nông thôn',
      nameEn: 'Rural commercial infrastructure',
      indicators: [
        {
          code: '7',
          nameVi: 'Xã có chợ nông thôn hoặc nơi mua bán, trao đổi hàng hóa',
          nameEn: 'Commune has a rural market or trading place',
          threshold: 'Đạt',
          isUncertain: true,
        },
      ],
    },
    {
      number: 8,
      groupCode: 'II',
      nameVi: 'Thông tin và Truyền thông',
      nameEn: 'Information and communications',
      indicators: [
        {
          code: '8.1',
          nameVi: 'Xã có điểm phục vụ bưu chính',
          nameEn: 'Postal service point',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '8.2',
          nameVi: 'Xã có dịch vụ viễn thông, internet',
          nameEn: 'Telecom/internet service',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '8.3',
          nameVi: 'Xã có đài truyền thanh và hệ thống loa đến các thôn',
          nameEn: 'Radio station with loudspeakers to villages',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '8.4',
          nameVi: 'Xã có ứng dụng công nghệ thông tin trong công tác quản lý, điều hành',
          nameEn: 'IT applied in commune management',
          threshold: 'Đạt',
          isUncertain: true,
        },
      ],
    },
    {
      number: 9,
      groupCode: 'II',
      nameVi: 'Nhà ở dân cư',
      nameEn: 'Residential housing',
      indicators: [
        {
          code: '9.1',
          nameVi: 'Nhà tạm, dột nát',
          nameEn: 'Temporary/dilapidated houses',
          threshold: 'Không (none)',
          isUncertain: true,
        },
        {
          code: '9.2',
          nameVi: 'Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố',
          nameEn: 'Share of households with solid or semi-solid houses',
          threshold: 'varies by region',
          isUncertain: true,
        },
      ],
    },
    {
      number: 10,
      groupCode: 'III',
      nameVi: 'Thu nhập',
      nameEn: 'Income',
      indicators: [
        {
          code: '10',
          nameVi:
            'Thu nhập bình quân đầu người khu vực nông thôn (triệu đồng/người/năm), mức năm 2022 theo vùng, tăng dần đến 2025',
          nameEn:
            'Rural per-capita income (million VND/person/year); level set per region for 2022, rising annually to 2025',
          threshold: 'region-specific; exact values not retrieved',
          isUncertain: true,
        },
      ],
    },
    {
      number: 11,
      groupCode: 'III',
      nameVi: 'Nghèo đa chiều',
      nameEn: 'Multidimensional poverty',
      indicators: [
        {
          code: '11',
          nameVi: 'Tỷ lệ nghèo đa chiều giai đoạn 2021-2025',
          nameEn: 'Multidimensional poverty rate 2021-2025',
          threshold: 'varies by region (≤ x%)',
          isUncertain: true,
        },
      ],
    },
    {
      number: 12,
      groupCode: 'III',
      nameVi: 'Lao động',
      nameEn: 'Labour',
      indicators: [
        {
          code: '12.1',
          nameVi: 'Tỷ lệ lao động có việc làm qua đào tạo',
          nameEn: 'Share of employed workers who are trained',
          threshold: 'varies by region',
          isUncertain: true,
        },
        {
          code: '12.2',
          nameVi: 'Tỷ lệ lao động có việc làm qua đào tạo có bằng cấp, chứng chỉ',
          nameEn: 'Share of employed trained workers with degree/certificate',
          threshold: 'varies by region',
          isUncertain: true,
        },
      ],
    },
    {
      number: 13,
      groupCode: 'III',
      nameVi: 'Tổ chức sản xuất và phát triển kinh tế nông thôn',
      nameEn: 'Production organisation and rural economic development',
      indicators: [
        {
          code: '13.1',
          nameVi: 'Xã có hợp tác xã hoạt động hiệu quả và theo đúng quy định của Luật Hợp tác xã năm 2012',
          nameEn: 'Effective cooperative under the Cooperative Law 2012',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '13.2',
          nameVi: 'Xã có mô hình liên kết sản xuất gắn với tiêu thụ nông sản chủ lực đảm bảo bền vững',
          nameEn: 'Production–consumption linkage model for key products',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '13.3',
          nameVi:
            'Thực hiện truy xuất nguồn gốc các sản phẩm chủ lực của xã gắn với xây dựng vùng nguyên liệu và được chứng nhận VietGAP hoặc tương đương',
          nameEn: 'Traceability of key products; VietGAP-or-equivalent raw-material areas',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '13.4',
          nameVi: 'Có kế hoạch và triển khai kế hoạch bảo tồn, phát huy nghề truyền thống (nếu có)',
          nameEn: 'Plan to preserve and promote traditional crafts (if any)',
          threshold: 'Đạt',
          isUncertain: true,
        },
      ],
    },
    {
      number: 14,
      groupCode: 'IV',
      nameVi: 'Giáo dục và Đào tạo',
      nameEn: 'Education and training',
      indicators: [
        {
          code: '14.1',
          nameVi:
            'Phổ cập giáo dục mầm non cho trẻ em 5 tuổi; phổ cập giáo dục tiểu học; phổ cập giáo dục THCS; xóa mù chữ',
          nameEn: 'Universal preschool (age 5), primary and lower-secondary education; literacy',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '14.2',
          nameVi:
            'Tỷ lệ học sinh tốt nghiệp THCS được tiếp tục học trung học (phổ thông, giáo dục thường xuyên, trung cấp)',
          nameEn:
            'Share of lower-secondary graduates continuing to upper secondary/continuing education/vocational',
          threshold: 'varies by region',
          isUncertain: true,
        },
      ],
    },
    {
      number: 15,
      groupCode: 'IV',
      nameVi: 'Y tế',
      nameEn: 'Health',
      indicators: [
        {
          code: '15.1',
          nameVi: 'Tỷ lệ người dân tham gia bảo hiểm y tế',
          nameEn: 'Health-insurance coverage',
          threshold: 'varies by region',
          isUncertain: true,
        },
        {
          code: '15.2',
          nameVi: 'Xã đạt tiêu chí quốc gia về y tế',
          nameEn: 'Commune meets national health standard',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '15.3',
          nameVi: 'Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi (chiều cao theo tuổi)',
          nameEn: 'Stunting rate, children under 5',
          threshold: 'varies by region',
          isUncertain: true,
        },
        {
          code: '15.4',
          nameVi: 'Tỷ lệ dân số có sổ khám chữa bệnh điện tử',
          nameEn: 'Share of population with electronic health records',
          threshold: 'chưa xác định (not retrieved)',
          isUncertain: true,
        },
      ],
    },
    {
      number: 16,
      groupCode: 'IV',
      nameVi: 'Văn hóa',
      nameEn: 'Culture',
      indicators: [
        {
          code: '16',
          nameVi:
            'Tỷ lệ thôn, bản đạt tiêu chuẩn văn hóa theo quy định, có kế hoạch và thực hiện kế hoạch xây dựng nông thôn mới',
          nameEn: 'Share of villages meeting cultural standards and implementing an NTM plan',
          threshold: 'varies',
          isUncertain: true,
        },
      ],
    },
    {
      number: 17,
      groupCode: 'IV',
      nameVi: 'Môi trường và an toàn thực phẩm',
      nameEn: 'Environment and food safety',
      indicators: [
        {
          code: '17.1',
          nameVi:
            'Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn (trong đó tỷ lệ hộ sử dụng nước sạch từ hệ thống cấp nước tập trung)',
          nameEn: 'Share of households using clean water to standard (incl. from centralised systems)',
          threshold: 'centralised share ≥15-20% reported (Thanh Hóa context)',
          isUncertain: true,
        },
        {
          code: '17.2',
          nameVi:
            'Tỷ lệ cơ sở sản xuất - kinh doanh, nuôi trồng thủy sản, làng nghề đảm bảo quy định về bảo vệ môi trường',
          nameEn: 'Share of production/aquaculture/craft-village facilities meeting environmental rules',
          threshold: '100%',
          isUncertain: true,
        },
        {
          code: '17.3',
          nameVi:
            'Cảnh quan, không gian xanh - sạch - đẹp, an toàn; không để xảy ra tồn đọng nước thải sinh hoạt tại các khu dân cư tập trung',
          nameEn: 'Green–clean–beautiful, safe landscape; no stagnant domestic wastewater',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '17.4',
          nameVi: 'Đất cây xanh sử dụng công cộng tại điểm dân cư nông thôn',
          nameEn: 'Public green land in rural residential areas',
          threshold: '≥2 m²/person',
          isUncertain: true,
        },
        {
          code: '17.5',
          nameVi: 'Mai táng, hỏa táng phù hợp với quy định và theo quy hoạch',
          nameEn: 'Burial/cremation per regulations and plan',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '17.6',
          nameVi:
            'Chất thải rắn trên địa bàn và nước thải khu dân cư tập trung, cơ sở sản xuất - kinh doanh được thu gom, xử lý theo quy định',
          nameEn: 'Solid waste and wastewater collected and treated',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '17.7',
          nameVi: 'Tỷ lệ hộ có nhà tiêu, nhà tắm, thiết bị chứa nước sinh hoạt hợp vệ sinh và đảm bảo 3 sạch',
          nameEn: "Share of households with hygienic toilet, bathroom and water storage ('3 clean')",
          threshold: 'varies',
          isUncertain: true,
        },
        {
          code: '17.8',
          nameVi:
            'Tỷ lệ cơ sở chăn nuôi đảm bảo các quy định về vệ sinh thú y, chăn nuôi và bảo vệ môi trường',
          nameEn: 'Share of livestock facilities meeting veterinary/environmental rules',
          threshold: 'varies',
          isUncertain: true,
        },
        {
          code: '17.9',
          nameVi:
            'Tỷ lệ hộ gia đình và cơ sở sản xuất, kinh doanh thực phẩm tuân thủ các quy định về đảm bảo an toàn thực phẩm',
          nameEn: 'Food-safety compliance of households and food businesses',
          threshold: '100%',
          isUncertain: true,
        },
        {
          code: '17.10',
          nameVi: 'Tỷ lệ hộ gia đình thực hiện phân loại chất thải rắn tại nguồn',
          nameEn: 'Share of households sorting solid waste at source',
          threshold: 'varies',
          isUncertain: true,
        },
        {
          code: '17.11',
          nameVi:
            'Tỷ lệ chất thải nhựa phát sinh trên địa bàn được thu gom, tái sử dụng, tái chế, xử lý theo quy định',
          nameEn: 'Share of plastic waste collected/reused/recycled/treated',
          threshold: 'varies',
          isUncertain: true,
        },
      ],
    },
    {
      number: 18,
      groupCode: 'V',
      nameVi: 'Hệ thống chính trị và tiếp cận pháp luật',
      nameEn: 'Political system and access to law',
      indicators: [
        {
          code: '18.1',
          nameVi: 'Cán bộ, công chức xã đạt chuẩn',
          nameEn: 'Commune officials meet standards',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '18.2',
          nameVi: 'Đảng bộ, chính quyền xã được xếp loại chất lượng hoàn thành tốt nhiệm vụ trở lên',
          nameEn: "Party committee and government rated 'good' or better",
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '18.3',
          nameVi:
            'Tổ chức chính trị - xã hội của xã được xếp loại chất lượng hoàn thành tốt nhiệm vụ trở lên',
          nameEn: "Socio-political organisations rated 'good' or better",
          threshold: '100%',
          isUncertain: true,
        },
        {
          code: '18.5',
          nameVi: 'Xã đạt chuẩn tiếp cận pháp luật theo quy định',
          nameEn: 'Commune meets access-to-law standard (QĐ 25/2021/QĐ-TTg: ≥80 points)',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '18.6',
          nameVi:
            'Đảm bảo bình đẳng giới và phòng chống bạo lực gia đình; bảo vệ trẻ em và người dễ bị tổn thương',
          nameEn: 'Gender equality, domestic-violence prevention, protection of vulnerable people',
          threshold: 'Đạt',
          isUncertain: true,
        },
      ],
    },
    {
      number: 19,
      groupCode: 'V',
      nameVi: 'Quốc phòng và An ninh',
      nameEn: 'Defence and security',
      indicators: [
        {
          code: '19.1',
          nameVi: "Xây dựng lực lượng dân quân 'vững mạnh, rộng khắp' và hoàn thành các chỉ tiêu quốc phòng",
          nameEn: 'Strong, widespread militia; defence targets met',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '19.2',
          nameVi: 'Xã đạt chuẩn an toàn về an ninh, trật tự xã hội và đảm bảo bình yên',
          nameEn: 'Commune safe in security and social order',
          threshold: 'Đạt',
          isUncertain: true,
        },
      ],
    },
  ],
};

// QĐ 320/QĐ-TTg: 9 district criteria. Names of #6 and #9 and all indicators are background
// knowledge (indicators seen in the QĐ 211/2024 "special district" version); #5, #7, #8 match
// the Lục Nam article.
export const districtCriteria2021: CriteriaSetSeed = {
  code: 'huyen-ntm-2021-2025',
  level: 'district',
  nameVi: 'Bộ tiêu chí quốc gia về huyện nông thôn mới giai đoạn 2021–2025',
  nameEn: 'National criteria for new-rural districts, 2021–2025',
  decision: 'QĐ 320/QĐ-TTg ngày 08/3/2022',
  validFrom: '2022-03-08',
  validTo: '2025-12-31',
  groups: [],
  criteria: [
    {
      number: 1,
      nameVi: 'Quy hoạch',
      nameEn: 'Planning',
      indicators: [
        {
          code: '1.1',
          nameVi:
            'Có quy hoạch xây dựng vùng huyện được phê duyệt còn hiệu lực hoặc được rà soát, điều chỉnh theo quy định',
          nameEn: 'Approved, valid district construction plan',
          threshold: 'Đạt',
          isUncertain: true,
        },
        {
          code: '1.2',
          nameVi:
            'Có công trình hạ tầng kỹ thuật hoặc hạ tầng xã hội thiết yếu được đầu tư xây dựng theo quy hoạch',
          nameEn: 'Essential technical/social infrastructure built per plan',
          threshold: '≥01 công trình',
          isUncertain: true,
        },
      ],
    },
    {
      number: 2,
      nameVi: 'Giao thông',
      nameEn: 'Transport',
      indicators: [
        {
          code: '2.1',
          nameVi: 'Tỷ lệ km đường huyện đạt chuẩn theo quy hoạch, được bảo trì hằng năm',
          nameEn: 'Share of district-road km meeting planning standard and maintained yearly',
          threshold: '100%',
          isUncertain: true,
        },
        {
          code: '2.2',
          nameVi: 'Tỷ lệ km đường huyện được trồng cây xanh dọc tuyến',
          nameEn: 'Share of district-road km planted with trees',
          threshold: 'UBND tỉnh quy định',
          isUncertain: true,
        },
      ],
    },
    {
      number: 3,
      nameVi: 'Thủy lợi và phòng, chống thiên tai',
      nameEn: 'Irrigation and natural-disaster prevention',
      indicators: [
        {
          code: '3.1',
          nameVi: 'Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới, tiêu chủ động',
          nameEn: 'Share of farmland actively irrigated/drained',
          threshold: '≥80% (province specifies)',
          isUncertain: true,
        },
        {
          code: '3.2',
          nameVi: 'Đảm bảo yêu cầu chủ động về phòng, chống thiên tai theo phương châm 4 tại chỗ',
          nameEn: "Proactive disaster prevention ('4 on-the-spot')",
          threshold: 'Đạt',
          isUncertain: true,
        },
      ],
    },
    {
      number: 4,
      nameVi: 'Điện',
      nameEn: 'Electricity',
      indicators: [
        {
          code: '4',
          nameVi: 'Hệ thống điện đồng bộ theo quy hoạch, đảm bảo yêu cầu kỹ thuật',
          nameEn: 'Synchronised power system per plan',
          threshold: 'Đạt',
          isUncertain: true,
        },
      ],
    },
    {
      number: 5,
      nameVi: 'Y tế - Văn hóa - Giáo dục',
      nameEn: 'Health - Culture - Education',
      indicators: [],
    },
    {
      number: 6,
      nameVi: 'Kinh tế',
      nameEn: 'Economy',
      indicators: [],
    },
    {
      number: 7,
      nameVi: 'Môi trường',
      nameEn: 'Environment',
      indicators: [],
    },
    {
      number: 8,
      nameVi: 'Chất lượng môi trường sống',
      nameEn: 'Quality of living environment',
      indicators: [],
    },
    {
      number: 9,
      nameVi: 'Hệ thống chính trị - An ninh trật tự - Hành chính công',
      nameEn: 'Political system - Security and order - Public administration',
      indicators: [],
    },
  ],
};

// QĐ 51/2025/QĐ-TTg: 10 criteria, 47 indicators, each split by 3 commune groups (those are
// commune categories, not criteria groups, so the set has no criteria groups). The 47
// indicators were not retrieved; add them here when the text is checked.
export const communeCriteria2026: CriteriaSetSeed = {
  code: 'xa-ntm-2026-2030',
  level: 'commune',
  nameVi: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026–2030',
  nameEn: 'National criteria for new-rural communes, 2026–2030',
  decision: 'QĐ 51/2025/QĐ-TTg ngày 29/12/2025',
  validFrom: '2026-02-15',
  validTo: '2030-12-31',
  groups: [],
  criteria: [
    { number: 1, nameVi: 'Quy hoạch', nameEn: 'Planning', indicators: [] },
    {
      number: 2,
      nameVi: 'Hạ tầng kinh tế - xã hội',
      nameEn: 'Socio-economic infrastructure',
      indicators: [],
    },
    {
      number: 3,
      nameVi: 'Phát triển kinh tế nông thôn',
      nameEn: 'Rural economic development',
      indicators: [],
    },
    {
      number: 4,
      nameVi: 'Đào tạo nguồn nhân lực nông thôn',
      nameEn: 'Rural human-resource training',
      indicators: [],
    },
    {
      number: 5,
      nameVi: 'Văn hóa, giáo dục, y tế',
      nameEn: 'Culture, education and health',
      indicators: [],
    },
    {
      number: 6,
      nameVi: 'Giảm nghèo và an sinh xã hội',
      nameEn: 'Poverty reduction and social security',
      indicators: [],
    },
    {
      number: 7,
      nameVi: 'Khoa học công nghệ và chuyển đổi số',
      nameEn: 'Science, technology and digital transformation',
      indicators: [],
    },
    {
      number: 8,
      nameVi: 'Môi trường và cảnh quan nông thôn',
      nameEn: 'Rural environment and landscape',
      indicators: [],
    },
    {
      number: 9,
      nameVi: 'Xây dựng hệ thống chính trị và hành chính công',
      nameEn: 'Political system and public administration',
      indicators: [],
    },
    {
      number: 10,
      nameVi: 'Tiếp cận pháp luật và an ninh, quốc phòng',
      nameEn: 'Access to law, security and defence',
      indicators: [],
    },
  ],
};

export const criteriaSets: CriteriaSetSeed[] = [
  communeCriteria2021,
  districtCriteria2021,
  communeCriteria2026,
];

// NQ 25/2021/QH15 and QĐ 263/QĐ-TTg list the source categories; local budgets are split by
// level because each level is approved by its own People's Council. Only the district budget
// is flagged as awaiting approval because that is the case the Lục Nam article describes.
// Array order is the display order (`position`).
export const fundingSources: FundingSourceSeed[] = [
  {
    code: 'NSTW',
    nameVi: 'Vốn ngân sách trung ương',
    nameEn: 'Central state budget',
    kind: 'central',
    needsCouncilApproval: false,
    eligibility: {},
  },
  {
    code: 'NS_TINH',
    nameVi: 'Vốn ngân sách tỉnh',
    nameEn: 'Provincial budget',
    kind: 'province',
    needsCouncilApproval: false,
    eligibility: {},
  },
  {
    code: 'NS_HUYEN',
    nameVi: 'Vốn ngân sách huyện',
    nameEn: 'District budget',
    kind: 'district',
    needsCouncilApproval: true,
    eligibility: {},
  },
  {
    code: 'NS_XA',
    nameVi: 'Vốn ngân sách xã',
    nameEn: 'Commune budget',
    kind: 'commune',
    needsCouncilApproval: false,
    eligibility: {},
  },
  {
    code: 'CT135',
    nameVi: 'Vốn Chương trình 135 (Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS và miền núi)',
    nameEn: 'Program 135 (ethnic-minority and mountain areas national target program)',
    kind: 'program',
    needsCouncilApproval: false,
    eligibility: { communeFlags: ['program135'] },
  },
  {
    code: 'LONG_GHEP',
    nameVi: 'Vốn lồng ghép từ các chương trình MTQG khác, chương trình, dự án khác',
    nameEn: 'Integrated funds from other national target programs and projects',
    kind: 'integrated',
    needsCouncilApproval: false,
    eligibility: {},
  },
  {
    code: 'TIN_DUNG',
    nameVi: 'Vốn tín dụng (chính sách, thương mại)',
    nameEn: 'Credit (policy and commercial)',
    kind: 'credit',
    needsCouncilApproval: false,
    eligibility: {},
  },
  {
    code: 'DOANH_NGHIEP',
    nameVi: 'Vốn huy động từ doanh nghiệp, hợp tác xã, tổ chức kinh tế',
    nameEn: 'Enterprises, cooperatives and economic organisations',
    kind: 'enterprise',
    needsCouncilApproval: false,
    eligibility: {},
  },
  {
    code: 'CONG_DONG',
    nameVi: 'Vốn huy động, đóng góp tự nguyện của cộng đồng dân cư và tổ chức, cá nhân',
    nameEn: 'Voluntary contributions of the community, organisations and individuals',
    kind: 'community',
    needsCouncilApproval: false,
    eligibility: {},
  },
];
